package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.ledger.SkipReason;
import dev.aftercart.core.testing.EngineHarness;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private static final String CUSTOMER = "c-1001";
    private static final Instant DUE = Instant.parse("2026-11-20T10:00:00Z");

    private final EngineHarness harness = EngineHarness.create();

    @BeforeEach
    void customerAndOrderAreKnown() {
        // A scheduled message finds its customer and order recorded; here they come from an earlier event.
        harness.clock.set(Instant.parse("2026-11-20T09:59:00Z"));
        harness.accept(event("order-placed.json"));
        harness.clock.set(Instant.parse("2026-11-20T10:00:05Z"));
    }

    private LedgerEntry planned(String journeyId, String stepId) {
        LedgerEntry entry = LedgerEntry.planned(CUSTOMER, "m-" + journeyId + "-" + stepId, journeyId, stepId, Channel.EMAIL,
                MessageKind.TRANSACTIONAL, Map.of("orderId", "o-1001"), DUE, DUE);
        assertThat(harness.ledger.insert(entry)).isTrue();
        return entry;
    }

    @Test
    void dispatch_skipsAsJourneyRemoved_whenItsJourneyIsNoLongerDefined() {
        LedgerEntry entry = planned("retired-journey", "confirm");

        MessageOutcome outcome = harness.dispatcher.dispatch(CUSTOMER, entry.messageId());

        assertThat(outcome).isEqualTo(new MessageOutcome.Skipped(SkipReason.JOURNEY_REMOVED));
        assertThat(harness.ledger.find(CUSTOMER, entry.messageId()).orElseThrow().reason()).isEqualTo("journey_removed");
    }

    @Test
    void dispatch_skipsAsJourneyRemoved_whenItsStepIsNoLongerDefined() {
        // given: the store owner renamed the step while this message was scheduled
        LedgerEntry entry = planned("order-confirmation", "reminder");

        // when
        MessageOutcome outcome = harness.dispatcher.dispatch(CUSTOMER, entry.messageId());

        // then
        assertThat(outcome).isEqualTo(new MessageOutcome.Skipped(SkipReason.JOURNEY_REMOVED));
        assertThat(harness.email.count()).isZero();
    }

    @Test
    void dispatch_ofAMessageNotInTheLedger_isMissing() {
        assertThat(harness.dispatcher.dispatch(CUSTOMER, "never-planned")).isEqualTo(new MessageOutcome.Missing());
    }

    @Test
    void twoDispatchesOfTheSameMessage_sendItOnce() {
        // given: two schedule deliveries read the same planned entry
        LedgerEntry entry = planned("order-confirmation", "confirm");

        // when
        MessageOutcome first = harness.dispatcher.dispatch(entry);
        MessageOutcome second = harness.dispatcher.dispatch(entry);

        // then
        assertThat(first).isInstanceOf(MessageOutcome.Sent.class);
        assertThat(second).isEqualTo(new MessageOutcome.Unchanged(MessageStatus.SENT));
        assertThat(harness.email.messages()).extracting(m -> m.messageId()).containsOnlyOnce(entry.messageId());
    }

    @Test
    void dispatch_ofAMessageLeftSending_doesNotSendItAgain() {
        // given: a dispatch died after claiming the message; it may or may not have gone out
        LedgerEntry entry = planned("order-confirmation", "confirm");
        harness.ledger.update(entry.claimed(DUE), entry.version());
        int sentBefore = harness.email.count();

        // when
        MessageOutcome outcome = harness.dispatcher.dispatch(CUSTOMER, entry.messageId());

        // then
        assertThat(outcome).isEqualTo(new MessageOutcome.Unchanged(MessageStatus.SENDING));
        assertThat(harness.email.count()).isEqualTo(sentBefore);
    }
}
