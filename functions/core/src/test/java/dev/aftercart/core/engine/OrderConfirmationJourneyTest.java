package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.event.InvalidEventException;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.testing.CapturedLog;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order-confirmation journey end to end: event in, ledger and senders out, with in-memory ports. */
class OrderConfirmationJourneyTest {

    private static final String CUSTOMER = "c-1001";

    private final EngineHarness harness = EngineHarness.create();

    private LedgerEntry email() {
        return harness.entry(CUSTOMER, Channel.EMAIL);
    }

    private LedgerEntry sms() {
        return harness.entry(CUSTOMER, Channel.SMS);
    }

    @Test
    void orderPlaced_sendsOneEmailAndOneSms_andTheLedgerSaysSent() {
        // when
        EventOutcome outcome = harness.accept(event("order-placed.json"));

        // then
        assertThat(outcome.state()).isEqualTo(RecordState.RECORDED);
        assertThat(outcome.messages()).extracting(PlannedMessage::describe).containsExactly("sent", "sent");
        assertThat(harness.email.count()).isEqualTo(1);
        assertThat(harness.sms.count()).isEqualTo(1);
        assertThat(harness.email.last().to()).isEqualTo("zephyrine.quill@example.com");
        assertThat(harness.sms.last().to()).isEqualTo("+14155550199");
        assertThat(email().status()).isEqualTo(MessageStatus.SENT);
        assertThat(email().providerMessageId()).isEqualTo("ses-1");
        assertThat(email().attempts()).isEqualTo(1);
        assertThat(sms().status()).isEqualTo(MessageStatus.SENT);
        assertThat(sms().smsSegments()).isEqualTo(1);
    }

    @Test
    void sameEventTwice_sendsNothingMore() {
        // given
        harness.accept(event("order-placed.json"));
        LedgerEntry emailBefore = email();

        // when
        EventOutcome again = harness.accept(event("order-placed.json"));

        // then
        assertThat(again.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(again.messages()).extracting(PlannedMessage::describe).containsExactly("unchanged:sent", "unchanged:sent");
        assertThat(harness.email.count()).isEqualTo(1);
        assertThat(harness.sms.count()).isEqualTo(1);
        assertThat(email()).isEqualTo(emailBefore);
        assertThat(sms().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void sameOrderRepublishedWithANewEventId_sendsNothingMore() {
        // given
        harness.accept(event("order-placed.json"));

        // when: the store publishes the same order again, as a new EventBridge event
        Map<String, Object> republished = set(event("order-placed.json"), "id", "0f0e0d0c-new-event-id");
        set(republished, "time", "2026-11-20T10:00:03Z");
        EventOutcome again = harness.accept(republished);

        // then
        assertThat(again.messages()).extracting(PlannedMessage::describe).containsExactly("unchanged:sent", "unchanged:sent");
        assertThat(harness.email.count()).isEqualTo(1);
        assertThat(harness.sms.count()).isEqualTo(1);
        assertThat(harness.ledger.forCustomer(CUSTOMER)).hasSize(2)
                .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(MessageStatus.SENT));
    }

    @Test
    void customerWhoSaidNoToOrderTexts_getsNoSms_andTheLedgerSaysWhy() {
        // given
        Map<String, Object> json = set(event("order-placed.json"), "detail.customer.consent.smsTransactional", false);

        // when
        harness.accept(json);

        // then
        assertThat(harness.sms.count()).isZero();
        assertThat(sms().status()).isEqualTo(MessageStatus.SKIPPED);
        assertThat(sms().reason()).isEqualTo("no_sms_transactional_consent");
        assertThat(harness.email.count()).isEqualTo(1);
    }

    @Test
    void orderCancelledBeforeItsOrderArrives_sendsNothing_andTheLedgerSaysOrderCancelled() {
        // given: the cancellation overtook the order on the bus
        harness.accept(event("order-cancelled.json"));

        // when
        EventOutcome outcome = harness.accept(event("order-placed.json"));

        // then
        assertThat(outcome.messages()).extracting(PlannedMessage::describe)
                .containsExactly("skipped:order_cancelled", "skipped:order_cancelled");
        assertThat(harness.email.count()).isZero();
        assertThat(harness.sms.count()).isZero();
        assertThat(harness.ledger.forCustomer(CUSTOMER)).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.status()).isEqualTo(MessageStatus.SKIPPED);
            assertThat(entry.reason()).isEqualTo("order_cancelled");
        });
    }

    @Test
    void orderCancelled_withdrawsAConfirmationStillScheduled() {
        // given: the engine's clock is behind the store's, so the confirmation is due a little later
        harness.clock.set(Instant.parse("2026-11-20T09:59:00Z"));
        EventOutcome placed = harness.accept(event("order-placed.json"));
        assertThat(placed.messages()).extracting(PlannedMessage::describe).containsExactly("scheduled", "scheduled");

        // when
        EventOutcome cancelled = harness.accept(event("order-cancelled.json"));

        // then
        assertThat(cancelled.messages()).extracting(PlannedMessage::describe)
                .containsExactly("cancelled:order_cancelled", "cancelled:order_cancelled");
        assertThat(harness.scheduler.pending()).isEmpty();
        assertThat(harness.scheduler.cancelled()).containsExactly(email().scheduleName(), sms().scheduleName());
        assertThat(email().status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(email().reason()).isEqualTo("order_cancelled");
        assertThat(harness.email.count()).isZero();
    }

    @Test
    void scheduledConfirmation_isSent_whenItsScheduleFires() {
        // given
        harness.clock.set(Instant.parse("2026-11-20T09:59:00Z"));
        harness.accept(event("order-placed.json"));

        // when: Scheduler fires at the due time
        harness.clock.set(Instant.parse("2026-11-20T10:00:00Z"));
        for (var schedule : harness.scheduler.pending()) {
            harness.dispatcher.dispatch(schedule.customerId(), schedule.messageId());
        }

        // then
        assertThat(harness.email.count()).isEqualTo(1);
        assertThat(harness.sms.count()).isEqualTo(1);
        assertThat(email().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void orderPlacedDeliveredAfterTheConfirmationExpired_isSkippedAsTooLate() {
        // given: the event is replayed from the dead-letter queue two days later
        harness.clock.set(Instant.parse("2026-11-22T10:00:00Z"));

        // when
        harness.accept(event("order-placed.json"));

        // then
        assertThat(harness.email.count()).isZero();
        assertThat(email().reason()).isEqualTo("too_late");
        assertThat(sms().reason()).isEqualTo("too_late");
    }

    @Test
    void emailSenderRefusing_marksTheLedgerFailed_withTheProvidersCode() {
        // given
        harness.email.thenRespond(new Delivery.Refused("MessageRejected", true));

        // when
        EventOutcome outcome = harness.accept(event("order-placed.json"));

        // then
        assertThat(outcome.messages()).extracting(PlannedMessage::describe).containsExactly("failed:MessageRejected", "sent");
        assertThat(email().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(email().reason()).isEqualTo("MessageRejected");
        assertThat(sms().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void templateThatCannotRender_isRecordedAsFailedRenderError_andNothingIsSent() {
        // given: templates naming variables the model lacks
        EngineHarness broken = EngineHarness.withTemplates(Fixtures.templatesIn("broken-templates"));

        // when
        broken.accept(event("order-placed.json"));

        // then
        assertThat(broken.email.count()).isZero();
        assertThat(broken.sms.count()).isZero();
        assertThat(broken.ledger.forCustomer(CUSTOMER)).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(entry.reason()).isEqualTo("render_error");
        });
    }

    @Test
    void dispatchingAnAlreadySentMessage_isANoOp() {
        // given
        harness.accept(event("order-placed.json"));
        LedgerEntry sent = email();

        // when
        MessageOutcome outcome = harness.dispatcher.dispatch(CUSTOMER, sent.messageId());

        // then
        assertThat(outcome).isEqualTo(new MessageOutcome.Unchanged(MessageStatus.SENT));
        assertThat(harness.email.count()).isEqualTo(1);
        assertThat(email()).isEqualTo(sent);
    }

    @Test
    void invalidEvent_isRejected_andNothingIsRecordedOrSent() {
        Map<String, Object> json = set(event("order-placed.json"), "detail.items[0].unitPrice", "free");

        assertThatThrownBy(() -> harness.accept(json)).isInstanceOf(InvalidEventException.class);
        assertThat(harness.customers.order(CUSTOMER, "o-1001")).isEmpty();
        assertThat(harness.ledger.all()).isEmpty();
        assertThat(harness.email.count()).isZero();
    }

    @Test
    void wholeJourneysLog_holdsNoEmailAddressPhoneNumberOrFirstName() {
        try (CapturedLog log = CapturedLog.start()) {
            // given / when: a profile update, an order, its duplicate, its cancellation, a rejected event
            harness.accept(event("customer-updated.json"));
            harness.accept(event("order-placed.json"));
            harness.accept(event("order-placed.json"));
            harness.clock.advance(Duration.ofMinutes(5));
            harness.accept(event("order-cancelled.json"));
            Map<String, Object> bad = set(event("order-placed.json"), "detail.customer.email", "zephyrine.quill@@example.com");
            assertThatThrownBy(() -> harness.accept(bad)).isInstanceOf(InvalidEventException.class);

            // then: the log did record the journey...
            assertThat(log.text()).contains("\"event\":\"message_sent\"", "\"event\":\"event_rejected\"");
            // ...without anything that identifies the customer
            assertThat(log.text())
                    .doesNotContain("zephyrine.quill", "example.com", "4155550199", "Zephyrine")
                    .doesNotContainIgnoringCase("zephyrine");
        }
    }
}
