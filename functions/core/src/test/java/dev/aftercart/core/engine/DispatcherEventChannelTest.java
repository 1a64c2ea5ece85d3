package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.render.BusEvent;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A message on the event channel is published on the store's bus through the EventPublisher port, once. */
class DispatcherEventChannelTest {

    private static final String CUSTOMER = "c-5001";
    private static final Instant DUE = Instant.parse("2026-11-26T16:00:00Z");

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    private LedgerEntry helpDeskRequest;

    @BeforeEach
    void aPoorReviewsHelpDeskRequestIsPlanned() {
        harness.arrive(event("policy-order-placed.json"));
        harness.runUntil(DUE.plusSeconds(5));
        String messageId = MessageId.of("review-recovery", "help-desk", "event", "review:rev-5002");
        helpDeskRequest = LedgerEntry.planned(CUSTOMER, messageId, "review-recovery", "help-desk", Channel.EVENT,
                MessageKind.TRANSACTIONAL, Map.of("reviewId", "rev-5002", "productId", "p-520", "rating", "1",
                        "hasMedia", "true", "productIds", "p-520", "orderId", "o-5001"), DUE, DUE);
        assertThat(harness.ledger.insert(helpDeskRequest)).isTrue();
    }

    @Test
    void dispatch_publishesTheStepsDetailType_withIdsAndRating_andNoContactDetails() {
        // when
        MessageOutcome outcome = harness.dispatcher.dispatch(CUSTOMER, helpDeskRequest.messageId());

        // then
        assertThat(outcome).isEqualTo(new MessageOutcome.Sent("event-1"));
        assertThat(harness.events.published()).containsExactly(new BusEvent(helpDeskRequest.messageId(),
                "Service Recovery Requested", Map.of("customerId", CUSTOMER, "orderId", "o-5001", "productId", "p-520",
                        "reviewId", "rev-5002", "rating", "1", "hasMedia", "true", "journey", "review-recovery",
                        "messageId", helpDeskRequest.messageId(), "locale", "en-US")));
        assertThat(harness.events.published().get(0).detail().values()).noneMatch(v -> String.valueOf(v).contains("@")
                || String.valueOf(v).contains("+1212"));
        assertThat(harness.email.count()).as("emails after the order's own confirmation").isEqualTo(1);
    }

    @Test
    void dispatch_recordsThePublicationInTheLedger() {
        harness.dispatcher.dispatch(CUSTOMER, helpDeskRequest.messageId());

        LedgerEntry sent = harness.ledger.find(CUSTOMER, helpDeskRequest.messageId()).orElseThrow();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.providerMessageId()).isEqualTo("event-1");
        assertThat(sent.attempts()).isEqualTo(1);
    }

    @Test
    void dispatchedTwiceFromTheSameReading_publishesOnce() {
        // when: two schedule deliveries read the same planned entry
        MessageOutcome first = harness.dispatcher.dispatch(helpDeskRequest);
        MessageOutcome second = harness.dispatcher.dispatch(helpDeskRequest);

        // then
        assertThat(first).isInstanceOf(MessageOutcome.Sent.class);
        assertThat(second).isEqualTo(new MessageOutcome.Unchanged(MessageStatus.SENT));
        assertThat(harness.events.published()).hasSize(1);
    }

    @Test
    void dispatchedAgainById_afterItWasPublished_publishesNothingMore() {
        harness.dispatcher.dispatch(CUSTOMER, helpDeskRequest.messageId());

        MessageOutcome again = harness.dispatcher.dispatch(CUSTOMER, helpDeskRequest.messageId());

        assertThat(again).isEqualTo(new MessageOutcome.Unchanged(MessageStatus.SENT));
        assertThat(harness.events.published()).hasSize(1);
    }
}
