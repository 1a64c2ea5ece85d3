package dev.aftercart.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Subscription;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.PointsExpiry;
import dev.aftercart.core.event.SubscriptionStatus;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.ExitCondition;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.SkipReason;
import dev.aftercart.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exits that depend on the customer's state beyond one order: joined the loyalty programme,
 * spent the points, changed the subscription, ordered the product again, rated it poorly. And the
 * event channel, which reaches the store's systems, not the customer.
 */
class SendPolicyCustomerStateExitsTest {

    /** Noon in New York, inside every SMS window. */
    private static final Instant NOW = Instant.parse("2026-12-07T17:00:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2027-01-15T05:00:00Z");
    private static final Instant CHARGES_AT = Instant.parse("2026-12-10T07:00:00Z");

    private final SendPolicy policy = new SendPolicy(SendRules.DEFAULTS, ZoneId.of("America/New_York"));

    private static final Decision SEND = new Decision.Send();

    private static Decision skip(SkipReason reason) {
        return new Decision.Skip(reason);
    }

    private static Fixtures.ProfileBuilder customer() {
        return Fixtures.profile("c-1").timeZone("America/New_York").region("US-NY").consent(true, true, true);
    }

    private static SendContext context(Channel channel, MessageKind kind, ExitCondition exit, Map<String, String> subject,
            CustomerProfile profile, OrderRecord order, List<OrderRecord> orders) {
        JourneyStep step = new JourneyStep("s", Duration.ZERO, List.of(channel), "t", null);
        Journey journey = new Journey("j", "Order Placed", kind, List.of(step), exit == null ? List.of() : List.of(exit));
        LedgerEntry message = LedgerEntry.planned("c-1", "m-1", "j", "s", channel, kind, subject, NOW, NOW);
        return new SendContext(message, journey, step, profile, order, orders);
    }

    private Decision decide(ExitCondition exit, Map<String, String> subject, CustomerProfile profile) {
        return policy.decide(context(Channel.EMAIL, MessageKind.MARKETING, exit, subject, profile, null, List.of()), NOW);
    }

    // --- loyalty_member ---

    @Test
    void loyaltyMember_skipsTheInvitation_onceTheCustomerHasJoined() {
        assertThat(decide(ExitCondition.LOYALTY_MEMBER, Map.of(), customer().loyalty("member", 0).build()))
                .isEqualTo(skip(SkipReason.LOYALTY_MEMBER));
    }

    @Test
    void loyaltyMember_sendsTheInvitation_toACustomerWhoHasNotJoined() {
        assertThat(decide(ExitCondition.LOYALTY_MEMBER, Map.of(), customer().build())).isEqualTo(SEND);
    }

    // --- points_spent ---

    private static CustomerProfile expiring(PointsExpiry... expiries) {
        return customer().loyalty(new Loyalty(true, "member", 450, List.of(expiries), NOW.minus(Duration.ofDays(1))))
                .build();
    }

    private static final Map<String, String> ABOUT_THE_EXPIRY = Map.of("expiresAt", EXPIRES_AT.toString());

    @Test
    void pointsSpent_skipsTheReminder_whenNothingExpiresAtItsDateAnyMore() {
        CustomerProfile spent = expiring(new PointsExpiry(150, EXPIRES_AT.plus(Duration.ofDays(60))));

        assertThat(decide(ExitCondition.POINTS_SPENT, ABOUT_THE_EXPIRY, spent)).isEqualTo(skip(SkipReason.POINTS_SPENT));
    }

    @Test
    void pointsSpent_sendsTheReminder_whileSomePointsStillExpireAtItsDate() {
        CustomerProfile partlySpent = expiring(new PointsExpiry(100, EXPIRES_AT));

        assertThat(decide(ExitCondition.POINTS_SPENT, ABOUT_THE_EXPIRY, partlySpent)).isEqualTo(SEND);
    }

    @Test
    void pointsSpent_skipsTheReminder_ofACustomerWithNoExpiringPointsAtAll() {
        assertThat(decide(ExitCondition.POINTS_SPENT, ABOUT_THE_EXPIRY, customer().build()))
                .isEqualTo(skip(SkipReason.POINTS_SPENT));
    }

    // --- subscription_changed ---

    private static Subscription subscription(SubscriptionStatus status, Instant chargesAt) {
        return new Subscription("sub-1", status, "p-1", chargesAt, Money.of("25.00", "USD"),
                "https://shop.example/manage", NOW.minus(Duration.ofDays(1)));
    }

    private Decision renewalReminder(CustomerProfile profile) {
        Map<String, String> subject = Map.of("subscriptionId", "sub-1", "nextChargeAt", CHARGES_AT.toString());
        return policy.decide(context(Channel.SMS, MessageKind.TRANSACTIONAL, ExitCondition.SUBSCRIPTION_CHANGED, subject,
                profile, null, List.of()), NOW);
    }

    @Test
    void subscriptionChanged_sendsTheReminder_whileItStillChargesThatDay() {
        assertThat(renewalReminder(customer().subscription(subscription(SubscriptionStatus.ACTIVE, CHARGES_AT)).build()))
                .isEqualTo(SEND);
    }

    @Test
    void subscriptionChanged_skipsTheReminder_whenPausedCancelledOrMoved() {
        assertThat(renewalReminder(customer().subscription(subscription(SubscriptionStatus.PAUSED, CHARGES_AT)).build()))
                .isEqualTo(skip(SkipReason.SUBSCRIPTION_CHANGED));
        assertThat(renewalReminder(customer().subscription(subscription(SubscriptionStatus.CANCELLED, null)).build()))
                .isEqualTo(skip(SkipReason.SUBSCRIPTION_CHANGED));
        assertThat(renewalReminder(customer().subscription(subscription(SubscriptionStatus.ACTIVE,
                CHARGES_AT.plus(Duration.ofDays(7)))).build()))
                .isEqualTo(skip(SkipReason.SUBSCRIPTION_CHANGED));
    }

    @Test
    void subscriptionChanged_skipsTheReminder_ofASubscriptionNoLongerKnown() {
        assertThat(renewalReminder(customer().build())).isEqualTo(skip(SkipReason.SUBSCRIPTION_CHANGED));
    }

    // --- product_reordered ---

    private static final OrderRecord FIRST = Fixtures.order("c-1", "o-1",
            Fixtures.item("p-1", "Coffee Beans", 1, "14.00", "USD"));

    /** Order {@code orderId} of {@code productId}, placed {@code daysAfter} days after the first. */
    private static OrderRecord orderOf(String orderId, String productId, long daysAfter) {
        OrderRecord o = Fixtures.order("c-1", orderId, Fixtures.item(productId, "Product", 1, "14.00", "USD"));
        Instant placed = FIRST.placedAt().plus(Duration.ofDays(daysAfter));
        return new OrderRecord(o.customerId(), o.orderId(), null, placed, o.items(), o.subtotal(), null, null, null,
                o.total(), o.status(), null, null, null, placed, 1);
    }

    private Decision replenishment(OrderRecord... orders) {
        CustomerProfile profile = customer().build();
        List<OrderRecord> all = new ArrayList<>(List.of(FIRST));
        all.addAll(List.of(orders));
        return policy.decide(context(Channel.EMAIL, MessageKind.MARKETING, ExitCondition.PRODUCT_REORDERED,
                Map.of("orderId", "o-1", "productIds", "p-1"), profile, FIRST, all), NOW);
    }

    @Test
    void productReordered_skipsTheReminder_whenALaterOrderHasTheProduct() {
        assertThat(replenishment(orderOf("o-2", "p-1", 20))).isEqualTo(skip(SkipReason.PRODUCT_REORDERED));
    }

    @Test
    void productReordered_sendsTheReminder_whenOnlyAnEarlierOrderHadIt() {
        assertThat(replenishment(orderOf("o-0", "p-1", -20))).isEqualTo(SEND);
    }

    @Test
    void productReordered_sendsTheReminder_whenTheLaterOrderWasCancelledOrHasOtherProducts() {
        OrderRecord cancelled = orderOf("o-2", "p-1", 20).cancelled("customer_request", NOW);

        assertThat(replenishment(cancelled, orderOf("o-3", "p-9", 25))).isEqualTo(SEND);
    }

    // --- product_rated_poorly ---

    private static CustomerProfile rated(int rating, Duration ago) {
        return customer().engagement(new Engagement(List.of(),
                Map.of("p-1", new Engagement.ProductReview(rating, NOW.minus(ago))))).build();
    }

    @Test
    void productRatedPoorly_skipsTheMessage_howeverLongAgoTheRatingWas() {
        Map<String, String> subject = Map.of("productIds", "p-1");

        assertThat(decide(ExitCondition.PRODUCT_RATED_POORLY, subject, rated(2, Duration.ofDays(200))))
                .isEqualTo(skip(SkipReason.NEGATIVE_REVIEW));
    }

    @Test
    void productRatedPoorly_sendsTheMessage_forAProductRatedThree() {
        assertThat(decide(ExitCondition.PRODUCT_RATED_POORLY, Map.of("productIds", "p-1"), rated(3, Duration.ofDays(1))))
                .isEqualTo(SEND);
    }

    @Test
    void productRatedPoorly_leavesOutOnlyThePoorlyRatedProduct() {
        SendContext context = context(Channel.EMAIL, MessageKind.MARKETING, ExitCondition.PRODUCT_RATED_POORLY,
                Map.of("productIds", "p-1,p-2"), rated(1, Duration.ofDays(200)), null, List.of());

        assertThat(policy.decide(context, NOW)).isEqualTo(SEND);
        assertThat(policy.products(context, NOW)).containsExactly("p-2");
    }

    // --- the event channel ---

    private Decision event(CustomerProfile profile, Instant now) {
        SendContext context = context(Channel.EVENT, MessageKind.TRANSACTIONAL, null,
                Map.of("reviewId", "rev-1", "rating", "1", "productIds", "p-1"), profile, null, List.of());
        return policy.decide(context, now);
    }

    @Test
    void event_isPublished_withoutAnyAddressOrConsent() {
        CustomerProfile unreachable = Fixtures.profile("c-1").email(null).phone(null).consent(false, false, false).build();

        assertThat(event(unreachable, NOW)).isEqualTo(SEND);
    }

    @Test
    void event_isPublished_forACustomerWhoseEmailBouncedOrComplained() {
        assertThat(event(customer().suppression(true, true).build(), NOW)).isEqualTo(SEND);
    }

    @Test
    void event_isPublished_atNight_forQuietHoursAreTheCustomersNotTheHelpDesks() {
        assertThat(event(customer().build(), Instant.parse("2026-12-07T08:00:00Z"))).isEqualTo(SEND);
    }

    @Test
    void event_stillHonoursItsJourneysExits() {
        SendContext context = context(Channel.EVENT, MessageKind.TRANSACTIONAL, ExitCondition.ORDER_CANCELLED,
                Map.of("orderId", "o-1"), customer().build(), FIRST.cancelled("fraud", NOW), List.of());

        assertThat(policy.decide(context, NOW)).isEqualTo(skip(SkipReason.ORDER_CANCELLED));
    }
}
