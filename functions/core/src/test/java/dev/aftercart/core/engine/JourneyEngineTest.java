package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JourneyEngineTest {

    private final EngineHarness harness = EngineHarness.create();

    @Test
    void engine_refusesAJourneyTriggeredByAnEventThatCannotStartOne() {
        JourneyCatalog journeys = JourneyCatalog.parse("{\"journeys\": [{\"id\": \"win-back\", \"trigger\": \"Customer Updated\","
                + "\"kind\": \"marketing\", \"steps\": [{\"id\": \"s\", \"channels\": [\"email\"], \"template\": \"t\"}]}]}");

        assertThatThrownBy(() -> new JourneyEngine(journeys, null, harness.customers, harness.ledger, harness.catalog,
                harness.scheduler, harness.dispatcher, null, harness.policies, java.time.ZoneOffset.UTC, harness.clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey win-back: \"Customer Updated\" cannot start a journey");
    }

    @Test
    void retriedEvent_sendsAMessageThatAnEarlierAttemptPlannedButNeverDispatched() {
        // given: an earlier attempt wrote the email's ledger entry, then the Lambda died
        OrderPlaced placed = Fixtures.orderPlaced("order-placed.json");
        String messageId = MessageId.of("order-confirmation", "confirm", "email", "order:o-1001");
        harness.ledger.insert(LedgerEntry.planned("c-1001", messageId, "order-confirmation", "confirm", Channel.EMAIL,
                dev.aftercart.core.journey.MessageKind.TRANSACTIONAL, java.util.Map.of("orderId", "o-1001"),
                placed.occurredAt(), Instant.parse("2026-11-20T10:00:01Z")));

        // when: Lambda retries the event
        harness.accept(event("order-placed.json"));

        // then
        assertThat(harness.email.count()).isEqualTo(1);
        assertThat(harness.ledger.find("c-1001", messageId).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void consentWithdrawnBeforeAScheduledSend_takesEffect() {
        // given: the store's clock runs a minute ahead, so the 10:00 confirmation is scheduled, not sent
        harness.clock.set(Instant.parse("2026-11-20T09:59:00Z"));
        harness.accept(event("order-placed.json"));

        // when: a Customer Updated refusing order texts arrives before the schedule fires
        harness.accept(Fixtures.set(event("customer-updated.json"), "detail.occurredAt", "2026-11-20T10:00:01Z"));
        harness.clock.set(Instant.parse("2026-11-20T10:00:02Z"));
        harness.scheduler.pending().forEach(s -> harness.dispatcher.dispatch(s.customerId(), s.messageId()));

        // then
        assertThat(harness.sms.count()).isZero();
        assertThat(harness.entry("c-1001", Channel.SMS).reason()).isEqualTo("no_sms_transactional_consent");
        assertThat(harness.email.count()).isEqualTo(1);
    }
}
