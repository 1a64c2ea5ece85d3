package dev.aftercart.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.event.ShipmentStatus;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A journey ends early, at send time, when what it was about has changed. */
class SendPolicyExitsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");

    private final SendPolicy policy = new SendPolicy(SendRules.DEFAULTS, java.time.ZoneId.of("America/New_York"));

    private static final OrderRecord ORDER = Fixtures.order("c-1", "o-1",
            Fixtures.item("p-1", "Shoe", 1, "79.00", "USD"),
            Fixtures.item("p-2", "Socks", 2, "12.50", "USD"));

    private static final Decision SEND = new Decision.Send();

    private static OrderRecord withShipment(ShipmentStatus status) {
        return ORDER.withShipment(new ShipmentRecord("s-1", status, NOW.minus(Duration.ofHours(1)), "UPS", "1Z", null, null, null));
    }

    private static OrderRecord returned(String... products) {
        OrderRecord o = ORDER;
        return new OrderRecord(o.customerId(), o.orderId(), o.orderNumber(), o.placedAt(), o.items(), o.subtotal(),
                o.discount(), o.shipping(), o.tax(), o.total(), o.status(), o.cancelReason(), o.shipments(),
                Fixtures.returnsOf(products), o.updatedAt(), o.version());
    }

    private static CustomerProfile reviewed(String... products) {
        Map<String, Engagement.ProductReview> reviews = new java.util.HashMap<>();
        for (String p : products) {
            reviews.put(p, new Engagement.ProductReview(5, NOW.minus(Duration.ofDays(1))));
        }
        return Fixtures.profile("c-1").timeZone("America/New_York").consent(true, true, true)
                .engagement(new Engagement(List.of(), reviews)).build();
    }

    private static final CustomerProfile CUSTOMER = reviewed();

    /** The attempted-delivery follow-up: exits when the shipment's status moved on. */
    private SendContext followUp(OrderRecord order) {
        JourneyStep step = new JourneyStep("follow-up", Duration.ofHours(24), false, null, List.of(Channel.EMAIL), "t",
                null, dev.aftercart.core.journey.Condition.ALWAYS, null, null, List.of(ExitCondition.SHIPMENT_STATUS_CHANGED));
        Journey journey = new Journey("shipping", "Shipment Updated", MessageKind.TRANSACTIONAL, List.of(step),
                List.of(ExitCondition.ORDER_CANCELLED));
        LedgerEntry message = LedgerEntry.planned("c-1", "m-1", "shipping", "follow-up", Channel.EMAIL,
                MessageKind.TRANSACTIONAL, Map.of("orderId", "o-1", "shipmentId", "s-1", "status", "attempted_delivery"),
                NOW, NOW);
        return new SendContext(message, journey, step, CUSTOMER, order);
    }

    /** A review request about {@code products}, exiting when they are reviewed or returned. */
    private SendContext reviewRequest(CustomerProfile profile, OrderRecord order, List<ExitCondition> exits, String... products) {
        JourneyStep step = new JourneyStep("request", Duration.ZERO, List.of(Channel.EMAIL), "t", null);
        Journey journey = new Journey("review", "Shipment Updated", MessageKind.MARKETING, List.of(step), exits);
        LedgerEntry message = LedgerEntry.planned("c-1", "m-1", "review", "request", Channel.EMAIL, MessageKind.MARKETING,
                Map.of("orderId", "o-1", "productIds", LedgerEntry.joinProductIds(List.of(products))), NOW, NOW);
        return new SendContext(message, journey, step, profile, order);
    }

    private static final List<ExitCondition> REVIEW_EXITS =
            List.of(ExitCondition.ORDER_CANCELLED, ExitCondition.PRODUCT_REVIEWED, ExitCondition.ITEM_RETURNED);

    @Test
    void shipmentStatusChanged_skipsTheFollowUp() {
        assertThat(policy.decide(followUp(withShipment(ShipmentStatus.DELIVERED)), NOW))
                .isEqualTo(new Decision.Skip(SkipReason.SHIPMENT_STATUS_CHANGED));
    }

    @Test
    void shipmentStatusUnchanged_sendsTheFollowUp() {
        assertThat(policy.decide(followUp(withShipment(ShipmentStatus.ATTEMPTED_DELIVERY)), NOW)).isEqualTo(SEND);
    }

    @Test
    void orderCancelled_winsOverEveryOtherExit() {
        OrderRecord cancelled = withShipment(ShipmentStatus.DELIVERED).cancelled("customer_request", NOW);

        assertThat(policy.decide(followUp(cancelled), NOW)).isEqualTo(new Decision.Skip(SkipReason.ORDER_CANCELLED));
    }

    @Test
    void everyProductReviewed_skipsTheReviewRequest() {
        SendContext context = reviewRequest(reviewed("p-1", "p-2"), ORDER, REVIEW_EXITS, "p-1", "p-2");

        assertThat(policy.decide(context, NOW)).isEqualTo(new Decision.Skip(SkipReason.PRODUCT_REVIEWED));
    }

    @Test
    void someProductsReviewed_sendsAboutTheOthersOnly() {
        SendContext context = reviewRequest(reviewed("p-1"), ORDER, REVIEW_EXITS, "p-1", "p-2");

        assertThat(policy.decide(context, NOW)).isEqualTo(SEND);
        assertThat(policy.products(context, NOW)).containsExactly("p-2");
    }

    @Test
    void everyProductReturned_skipsTheReviewRequest() {
        SendContext context = reviewRequest(CUSTOMER, returned("p-1", "p-2"), REVIEW_EXITS, "p-1", "p-2");

        assertThat(policy.decide(context, NOW)).isEqualTo(new Decision.Skip(SkipReason.ITEM_RETURNED));
    }

    @Test
    void someProductsReturned_sendsAboutTheOthersOnly() {
        SendContext context = reviewRequest(CUSTOMER, returned("p-2"), REVIEW_EXITS, "p-1", "p-2");

        assertThat(policy.decide(context, NOW)).isEqualTo(SEND);
        assertThat(policy.products(context, NOW)).containsExactly("p-1");
    }

    @Test
    void oneReviewedAndTheOtherReturned_isSkippedAsProductsExcluded() {
        SendContext context = reviewRequest(reviewed("p-1"), returned("p-2"), REVIEW_EXITS, "p-1", "p-2");

        assertThat(policy.decide(context, NOW)).isEqualTo(new Decision.Skip(SkipReason.PRODUCTS_EXCLUDED));
    }

    @Test
    void journeyWithoutThoseExits_keepsReviewedAndReturnedProducts() {
        SendContext context = reviewRequest(reviewed("p-1"), returned("p-2"), List.of(ExitCondition.ORDER_CANCELLED),
                "p-1", "p-2");

        assertThat(policy.decide(context, NOW)).isEqualTo(SEND);
        assertThat(policy.products(context, NOW)).containsExactly("p-1", "p-2");
    }
}
