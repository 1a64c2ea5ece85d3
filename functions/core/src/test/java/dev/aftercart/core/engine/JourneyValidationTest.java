package dev.aftercart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.testing.EngineHarness;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A journey may only name the keys, instants and facts its trigger offers: a typo in journeys.json
 * fails at start-up, naming the journey, instead of never sending.
 */
class JourneyValidationTest {

    private final EngineHarness harness = EngineHarness.create();

    /** One journey on {@code trigger} with extra journey fields and extra step fields, as JSON fragments. */
    private static JourneyCatalog journey(String trigger, String journeyFields, String stepFields) {
        return JourneyCatalog.parse("{\"journeys\": [{\"id\": \"j1\", \"trigger\": \"" + trigger + "\","
                + " \"kind\": \"transactional\"" + journeyFields + ", \"steps\": [{\"id\": \"s\", \"channels\": [\"email\"],"
                + " \"template\": \"t\"" + stepFields + "}]}]}");
    }

    private JourneyEngine engine(JourneyCatalog journeys) {
        return new JourneyEngine(journeys, null, harness.customers, harness.ledger, harness.catalog, harness.scheduler,
                harness.dispatcher, null, harness.policies, ZoneOffset.UTC, harness.clock);
    }

    @Test
    void shippedJourneys_areValid() {
        assertThat(harness.journeys.all()).extracting(j -> j.id()).contains("review-recovery", "loyalty-invitation",
                "return-updates", "loyalty-tier-upgrade", "points-expiry", "subscription-reminder", "replenishment",
                "fifth-order-thanks");
        assertThatCode(() -> engine(harness.journeys)).doesNotThrowAnyException();
    }

    // --- key ---

    @Test
    void key_thatNoTriggerOffers_isRefused() {
        assertThatThrownBy(() -> engine(journey("Order Placed", ", \"key\": \"shipment\"", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey j1: Order Placed offers no key shipment");
    }

    @Test
    void key_thatAnotherTriggerOffers_isRefused() {
        assertThatThrownBy(() -> engine(journey("Review Submitted", ", \"key\": \"expiry\"", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey j1: Review Submitted offers no key expiry");
    }

    @Test
    void customerAndEventKeys_areOfferedByEveryTrigger() {
        for (String trigger : Trigger.OFFERS.keySet()) {
            assertThatCode(() -> engine(journey(trigger, ", \"key\": \"customer\"", ""))).as(trigger)
                    .doesNotThrowAnyException();
            assertThatCode(() -> engine(journey(trigger, ", \"key\": \"event\"", ""))).as(trigger)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void key_itsTriggerOffers_isAccepted() {
        assertThatCode(() -> engine(journey("Loyalty Updated", ", \"key\": \"tier\"", ""))).doesNotThrowAnyException();
        assertThatCode(() -> engine(journey("Loyalty Updated", ", \"key\": \"expiry\"", ""))).doesNotThrowAnyException();
    }

    // --- from ---

    @Test
    void from_anInstantItsTriggerDoesNotOffer_isRefused() {
        assertThatThrownBy(() -> engine(journey("Review Submitted", "", ", \"from\": \"earliestExpiry\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey j1 step s: Review Submitted offers no instant earliestExpiry");
    }

    @Test
    void from_anInstantOfAnotherTrigger_isRefused() {
        assertThatThrownBy(() -> engine(journey("Loyalty Updated", "", ", \"from\": \"nextChargeAt\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey j1 step s: Loyalty Updated offers no instant nextChargeAt");
    }

    @Test
    void from_anInstantItsTriggerOffers_orOccurredAt_isAccepted() {
        assertThatCode(() -> engine(journey("Subscription Updated", "", ", \"from\": \"nextChargeAt\"")))
                .doesNotThrowAnyException();
        assertThatCode(() -> engine(journey("Return Updated", "", ", \"from\": \"occurredAt\"")))
                .doesNotThrowAnyException();
    }

    // --- facts ---

    @Test
    void journeyCondition_onAFactItsTriggerDoesNotOffer_isRefused() {
        assertThatThrownBy(() -> engine(journey("Return Updated", ", \"when\": {\"rating\": [1]}", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey j1: Return Updated offers the facts [status], not [rating]");
    }

    @Test
    void stepCondition_onAFactItsTriggerDoesNotOffer_isRefused() {
        assertThatThrownBy(() -> engine(journey("Subscription Updated", "", ", \"when\": {\"tierUpgraded\": [true]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("journey j1: Subscription Updated offers the facts ")
                .hasMessageEndingWith(", not [tierUpgraded]");
    }

    @Test
    void conditions_onFactsTheEngineComputes_areAccepted() {
        assertThatCode(() -> engine(journey("Order Placed", ", \"when\": {\"orderCount\": [10]}", "")))
                .doesNotThrowAnyException();
        assertThatCode(() -> engine(journey("Loyalty Updated", ", \"when\": {\"tierUpgraded\": [true]}", "")))
                .doesNotThrowAnyException();
    }
}
