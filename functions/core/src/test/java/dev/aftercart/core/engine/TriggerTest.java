package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.remove;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.event.LoyaltyUpdated;
import dev.aftercart.core.event.ReturnUpdated;
import dev.aftercart.core.event.ReviewSubmitted;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.event.SubscriptionUpdated;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a recorded review, return, loyalty or subscription update offers the journeys: the keys their
 * messages can be unique by, the instants steps count from, the subject and the facts.
 */
class TriggerTest {

    private static final CustomerProfile CUSTOMER = Fixtures.profile("c-5001").build();
    private static final OrderRecord ORDER = Fixtures.order("c-5001", "o-5001",
            Fixtures.item("p-520", "Merino Socks", 2, "12.50", "USD"),
            Fixtures.item("p-530", "Water Bottle", 1, "18.00", "USD"));

    private static Trigger trigger(ShopEvent event, CustomerProfile profile, OrderRecord order) {
        return Trigger.of(event, new Recording(RecordState.RECORDED, profile, order)).orElseThrow();
    }

    /** Every key, instant and fact a trigger holds is one its detail-type offers, so start-up validation is honest. */
    private static void assertOffered(ShopEvent event, Trigger trigger) {
        Trigger.Offer offer = Trigger.OFFERS.get(event.detailType());
        Set<String> keys = new HashSet<>(trigger.keys().keySet());
        keys.removeAll(Set.of(Journey.EVENT_KEY, "customer"));
        Set<String> instants = new HashSet<>(trigger.instants().keySet());
        instants.remove(JourneyStep.OCCURRED_AT);
        assertThat(offer.keys()).as("keys").containsAll(keys);
        assertThat(offer.instants()).as("instants").containsAll(instants);
        assertThat(offer.facts()).as("facts").containsAll(trigger.facts().keySet());
    }

    // --- reviews ---

    private static ReviewSubmitted oneStarReview() {
        return Fixtures.reviewSubmitted(event("issue4-review-1-star.json"));
    }

    @Test
    void review_isKeyedByReviewAndCustomer_andOffersItsRatingMediaAndMembership() {
        // given
        CustomerProfile member = Fixtures.profile("c-5001").loyalty("silver", 100).build();

        // when
        Trigger trigger = trigger(oneStarReview(), member, ORDER);

        // then
        assertThat(trigger.customerId()).isEqualTo("c-5001");
        assertThat(trigger.keys()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Journey.EVENT_KEY, "review:rev-5002", "customer", "customer:c-5001"));
        assertThat(trigger.anchor()).isEqualTo(Instant.parse("2026-11-26T16:00:00Z"));
        assertThat(trigger.products()).containsExactly("p-520");
        assertThat(trigger.facts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "rating", 1, "hasMedia", true, "member", true));
        assertOffered(oneStarReview(), trigger);
    }

    @Test
    void review_subject_holdsIdsAndRating_neverTheCustomersWords() {
        Trigger trigger = trigger(oneStarReview(), CUSTOMER, ORDER);

        assertThat(trigger.subject()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "reviewId", "rev-5002", "productId", "p-520", "rating", "1", "hasMedia", "true",
                "productIds", "p-520", "orderId", "o-5001"));
        assertThat(String.join(" ", trigger.subject().values())).doesNotContain("Holes", "socks", "@");
    }

    @Test
    void review_ofAnOrderNotRecorded_hasNoOrderInItsSubject() {
        Trigger trigger = trigger(oneStarReview(), CUSTOMER, null);

        assertThat(trigger.subject()).doesNotContainKey("orderId");
        assertThat(trigger.facts()).containsEntry("member", false);
    }

    @Test
    void review_byACustomerWithoutAProfile_isNotAMember() {
        assertThat(trigger(oneStarReview(), null, null).facts()).containsEntry("member", false);
    }

    // --- returns ---

    private static Map<String, Object> returnItem(String productId) {
        return Map.of("productId", productId, "quantity", BigDecimal.ONE);
    }

    @Test
    void returnUpdate_isKeyedByReturnAndStatus_soEachStatusIsToldOnce() {
        // given: a refund of two products, one listed twice
        ReturnUpdated refunded = Fixtures.returnUpdated(set(event("issue4-return-refunded.json"), "detail.items",
                List.of(returnItem("p-530"), returnItem("p-520"), returnItem("p-530"))));

        // when
        Trigger trigger = trigger(refunded, CUSTOMER, ORDER);

        // then
        assertThat(trigger.businessKey()).isEqualTo("return:ret-5001:refunded");
        assertThat(trigger.keys()).containsEntry("customer", "customer:c-5001");
        assertThat(trigger.products()).containsExactly("p-530", "p-520");
        assertThat(trigger.subject()).containsExactlyInAnyOrderEntriesOf(Map.of("orderId", "o-5001",
                "returnId", "ret-5001", "status", "refunded", "productIds", "p-530,p-520"));
        assertThat(trigger.facts()).containsExactlyInAnyOrderEntriesOf(Map.of("status", "refunded"));
        assertOffered(refunded, trigger);
    }

    @Test
    void returnUpdate_ofAnotherStatus_hasAnotherKey() {
        ReturnUpdated requested = Fixtures.returnUpdated(event("issue4-return-requested.json"));

        assertThat(trigger(requested, CUSTOMER, ORDER).businessKey()).isEqualTo("return:ret-5001:requested");
    }

    // --- loyalty ---

    private static LoyaltyUpdated joined() {
        return Fixtures.loyaltyUpdated(event("issue4-loyalty-joined.json"));
    }

    @Test
    void loyalty_isKeyedPerExpiryDateAndTier_andCountsFromTheEarliestExpiry() {
        // given: the earliest of the two expiries is listed second
        Instant earliest = Instant.parse("2027-01-15T05:00:00Z");

        // when
        Trigger trigger = trigger(joined(), CUSTOMER, null);

        // then
        assertThat(trigger.keys()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Journey.EVENT_KEY, "loyalty:2026-11-27T15:00:00Z", "customer", "customer:c-5001",
                "expiry", "points:" + earliest, "tier", "tier:member"));
        assertThat(trigger.instants()).containsExactlyInAnyOrderEntriesOf(Map.of(
                JourneyStep.OCCURRED_AT, Instant.parse("2026-11-27T15:00:00Z"), "earliestExpiry", earliest));
        assertThat(trigger.subject()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "tier", "member", "expiresAt", earliest.toString()));
        assertThat(trigger.facts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "member", true, "tier", "member", "hasExpiringPoints", true));
        assertThat(trigger.products()).isEmpty();
        assertOffered(joined(), trigger);
    }

    @Test
    void loyalty_withoutExpiringPointsOrTier_offersNeitherKey_norAnExpiryToCountFrom() {
        Map<String, Object> envelope = event("issue4-loyalty-joined.json");
        remove(envelope, "detail.pointsExpiring");
        remove(envelope, "detail.tier");

        Trigger trigger = trigger(Fixtures.loyaltyUpdated(envelope), CUSTOMER, null);

        assertThat(trigger.keys()).containsOnlyKeys(Journey.EVENT_KEY, "customer");
        assertThat(trigger.instants()).containsOnlyKeys(JourneyStep.OCCURRED_AT);
        assertThat(trigger.facts()).containsEntry("hasExpiringPoints", false).doesNotContainKey("tier");
    }

    @Test
    void loyalty_carriesTheFactsOfRecordingAndThoseTheEngineComputed() {
        Recording recording = new Recording(RecordState.RECORDED, CUSTOMER.withLoyalty(Loyalty.NONE), null,
                Map.of("previousTier", "member"));

        Trigger trigger = Trigger.of(joined(), recording, Map.of("tierUpgraded", true)).orElseThrow();

        assertThat(trigger.facts()).containsEntry("previousTier", "member").containsEntry("tierUpgraded", true);
    }

    // --- subscriptions ---

    @Test
    void subscription_isKeyedByItsChargeDate_andCountsFromIt() {
        // given
        SubscriptionUpdated active = Fixtures.subscriptionUpdated(event("issue4-subscription-active.json"));
        Instant chargesAt = Instant.parse("2026-12-10T07:00:00Z");

        // when
        Trigger trigger = trigger(active, CUSTOMER, null);

        // then
        assertThat(trigger.businessKey()).isEqualTo("subscription:sub-5001:" + chargesAt);
        assertThat(trigger.instants()).containsEntry("nextChargeAt", chargesAt);
        assertThat(trigger.subject()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "subscriptionId", "sub-5001", "nextChargeAt", chargesAt.toString()));
        assertThat(trigger.facts()).containsExactlyInAnyOrderEntriesOf(Map.of("status", "active", "hasNextCharge", true));
        assertOffered(active, trigger);
    }

    @Test
    void subscription_movedToAnotherDate_hasAnotherKey() {
        Map<String, Object> moved = set(event("issue4-subscription-active.json"), "detail.nextChargeAt",
                "2026-12-17T07:00:00Z");

        assertThat(trigger(Fixtures.subscriptionUpdated(moved), CUSTOMER, null).businessKey())
                .isEqualTo("subscription:sub-5001:2026-12-17T07:00:00Z");
    }

    @Test
    void pausedSubscription_hasNoNextCharge_evenWhenBillingStillNamesADate() {
        Map<String, Object> paused = set(event("issue4-subscription-active.json"), "detail.status", "paused");

        Trigger trigger = trigger(Fixtures.subscriptionUpdated(paused), CUSTOMER, null);

        assertThat(trigger.facts()).containsEntry("status", "paused").containsEntry("hasNextCharge", false);
    }

    @Test
    void cancelledSubscription_withoutADate_offersNoInstantToCountFrom() {
        Map<String, Object> cancelled = set(event("issue4-subscription-active.json"), "detail.status", "cancelled");
        remove(cancelled, "detail.nextChargeAt");

        Trigger trigger = trigger(Fixtures.subscriptionUpdated(cancelled), CUSTOMER, null);

        assertThat(trigger.instants()).doesNotContainKey("nextChargeAt");
        assertThat(trigger.facts()).containsEntry("hasNextCharge", false);
    }
}
