package dev.aftercart.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.feedback.InboundSms;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The provider's opt-out list: a STOP word in any case and spacing opts the number out; other texts do not. */
class LocalSmsOptOutsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private final LocalSmsOptOuts list = new LocalSmsOptOuts();

    @Test
    void stopWord_optsTheNumberOut_whateverItsCaseAndSpacing() {
        list.received(new InboundSms("m-1", "+14155550101", "  opt   out ", NOW));

        assertThat(list.isOptedOut("+14155550101")).isTrue();
        assertThat(list.isOptedOut("+14155550102")).isFalse();
    }

    @Test
    void helpOrAnyOtherText_leavesTheNumberAlone() {
        list.received(new InboundSms("m-1", "+14155550101", "HELP", NOW));
        list.received(new InboundSms("m-2", "+14155550101", "please stop by tomorrow", NOW));

        assertThat(list.isOptedOut("+14155550101")).isFalse();
        assertThat(list.size()).isZero();
    }
}
