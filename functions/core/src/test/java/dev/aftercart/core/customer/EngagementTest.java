package dev.aftercart.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.journey.Channel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EngagementTest {

    private static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");
    private static final Instant THIRTY_DAYS_AGO = NOW.minus(Duration.ofDays(30));

    @Test
    void withMarketingSend_forgetsSendsOlderThanTheWindow() {
        Engagement engagement = Engagement.NONE
                .withMarketingSend(Channel.EMAIL, THIRTY_DAYS_AGO.minusSeconds(1))
                .withMarketingSend(Channel.SMS, NOW);

        assertThat(engagement.marketingSends()).containsExactly(new Engagement.MarketingSend(Channel.SMS, NOW));
    }

    @Test
    void withMarketingSend_keepsASendExactlyAtTheWindowsEdge_whichTheCapStillCounts() {
        // given: an email exactly 30 days ago, then an SMS now (which prunes the history)
        Engagement engagement = Engagement.NONE
                .withMarketingSend(Channel.EMAIL, THIRTY_DAYS_AGO)
                .withMarketingSend(Channel.SMS, NOW);

        // then: a cap counting [now - 30 days, now] still sees that email
        assertThat(engagement.marketingSince(Channel.EMAIL, THIRTY_DAYS_AGO)).isEqualTo(1);
    }

    @Test
    void marketingSince_andLastMarketing_arePerChannel() {
        Engagement engagement = Engagement.NONE
                .withMarketingSend(Channel.EMAIL, NOW.minus(Duration.ofDays(2)))
                .withMarketingSend(Channel.EMAIL, NOW.minus(Duration.ofDays(1)))
                .withMarketingSend(Channel.SMS, NOW);

        assertThat(engagement.marketingSince(Channel.EMAIL, THIRTY_DAYS_AGO)).isEqualTo(2);
        assertThat(engagement.marketingSince(Channel.SMS, THIRTY_DAYS_AGO)).isEqualTo(1);
        assertThat(engagement.lastMarketing(Channel.EMAIL)).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(Engagement.NONE.lastMarketing(Channel.SMS)).isNull();
    }

    @Test
    void smsOptOutExplained_onlyToTheNumberThatWasTold() {
        Engagement told = Engagement.NONE.withSmsOptOutExplainedTo("+12125550123");

        assertThat(told.smsOptOutExplained("+12125550123")).isTrue();
        assertThat(told.smsOptOutExplained("+12125550199")).isFalse();
        assertThat(told.smsOptOutExplained(null)).isFalse();
        assertThat(Engagement.NONE.smsOptOutExplained("+12125550123")).isFalse();
    }

    @Test
    void withMarketingSend_keepsTheNumberToldHowToStop() {
        Engagement told = Engagement.NONE.withSmsOptOutExplainedTo("+12125550123")
                .withMarketingSend(Channel.SMS, NOW);

        assertThat(told.smsOptOutExplainedTo()).isEqualTo("+12125550123");
    }
}
