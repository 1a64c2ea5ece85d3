package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.LoyaltyUpdated;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.PointsExpiry;
import dev.aftercart.core.event.ReturnItem;
import dev.aftercart.core.event.ReturnUpdated;
import dev.aftercart.core.event.ReviewSubmitted;
import dev.aftercart.core.event.ShipmentStatus;
import dev.aftercart.core.event.ShipmentUpdated;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.event.SubscriptionStatus;
import dev.aftercart.core.event.SubscriptionUpdated;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.ledger.LedgerEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an event contributes when it starts a journey: whose journey; the business keys a journey
 * can make its messages unique by ({@code event}: this fact; {@code customer}: once per customer;
 * and others per trigger); the subject the messages are about; the instants steps count from; the
 * products concerned; and the facts journey conditions test. Which events can start journeys, and
 * with which facts, is code; which journeys they start is data.
 */
public record Trigger(
        String customerId,
        Map<String, String> keys,
        Map<String, String> subject,
        Map<String, Instant> instants,
        List<String> products,
        List<String> orderProducts,
        Map<String, Object> facts) {

    /** What each kind of trigger offers journeys: facts for {@code when}, instants for {@code from}, keys for {@code key}. */
    public record Offer(Set<String> facts, Set<String> instants, Set<String> keys) {
    }

    public static final Map<String, Offer> OFFERS = Map.of(
            OrderPlaced.DETAIL_TYPE, new Offer(Set.of("itemCount", "orderCount"), Set.of(), Set.of()),
            ShipmentUpdated.DETAIL_TYPE, new Offer(Set.of("status", "notice", "split", "allDelivered", "carrier"),
                    Set.of(), Set.of()),
            ReviewSubmitted.DETAIL_TYPE, new Offer(Set.of("rating", "hasMedia", "member"), Set.of(), Set.of()),
            ReturnUpdated.DETAIL_TYPE, new Offer(Set.of("status"), Set.of(), Set.of()),
            LoyaltyUpdated.DETAIL_TYPE, new Offer(Set.of("member", "tier", "tierUpgraded", "hasExpiringPoints"),
                    Set.of("earliestExpiry"), Set.of("expiry", "tier")),
            SubscriptionUpdated.DETAIL_TYPE, new Offer(Set.of("status", "hasNextCharge"), Set.of("nextChargeAt"),
                    Set.of()));

    public Trigger {
        keys = Map.copyOf(keys);
        subject = Map.copyOf(subject);
        instants = Map.copyOf(instants);
        products = List.copyOf(products);
        orderProducts = List.copyOf(orderProducts);
        facts = Map.copyOf(facts);
    }

    public static Optional<Trigger> of(ShopEvent event, Recording recording) {
        return of(event, recording, Map.of());
    }

    /** The key that makes a message unique to this triggering fact. */
    public String businessKey() {
        return keys.get(Journey.EVENT_KEY);
    }

    /** When the triggering fact happened; steps count from it unless they name another instant. */
    public Instant anchor() {
        return instants.get(JourneyStep.OCCURRED_AT);
    }

    /**
     * The trigger of an event just recorded. {@code extraFacts} are those the engine computes only
     * when a journey asks for them (an order count, a tier upgrade).
     */
    public static Optional<Trigger> of(ShopEvent event, Recording recording, Map<String, Object> extraFacts) {
        Builder b = new Builder();
        b.facts.putAll(recording.facts());
        b.facts.putAll(extraFacts);
        b.instants.put(JourneyStep.OCCURRED_AT, event.occurredAt());
        switch (event) {
            case OrderPlaced placed -> {
                List<String> products = placed.items().stream().map(LineItem::productId).distinct().toList();
                b.customer(placed.customer().customerId()).key("order:" + placed.orderId())
                        .subject("orderId", placed.orderId()).products(products, products)
                        .fact("itemCount", placed.items().stream().mapToInt(LineItem::quantity).sum());
            }
            case ShipmentUpdated shipment -> shipment(b, shipment, recording.order());
            case ReviewSubmitted review -> {
                CustomerProfile profile = recording.profile();
                b.customer(review.customerId()).key("review:" + review.reviewId())
                        .subject("reviewId", review.reviewId()).subject("productId", review.productId())
                        .subject("rating", String.valueOf(review.rating()))
                        .subject("hasMedia", String.valueOf(review.hasMedia()))
                        .subject("productIds", LedgerEntry.joinProductIds(List.of(review.productId())))
                        .products(List.of(review.productId()), List.of(review.productId()))
                        .fact("rating", review.rating()).fact("hasMedia", review.hasMedia())
                        .fact("member", profile != null && profile.loyalty().member());
                if (review.orderId() != null && recording.order() != null) {
                    b.subject("orderId", review.orderId());
                }
            }
            case ReturnUpdated returned -> {
                List<String> products = returned.items().stream().map(ReturnItem::productId).distinct().toList();
                b.customer(returned.customerId()).key("return:" + returned.returnId() + ":" + returned.status().id())
                        .subject("orderId", returned.orderId()).subject("returnId", returned.returnId())
                        .subject("status", returned.status().id())
                        .subject("productIds", LedgerEntry.joinProductIds(products))
                        .products(products, products).fact("status", returned.status().id());
            }
            case LoyaltyUpdated loyalty -> {
                b.customer(loyalty.customerId()).key("loyalty:" + loyalty.occurredAt())
                        .fact("member", loyalty.member()).fact("hasExpiringPoints", !loyalty.pointsExpiring().isEmpty());
                if (loyalty.tier() != null) {
                    b.fact("tier", loyalty.tier()).subject("tier", loyalty.tier()).namedKey("tier", "tier:" + loyalty.tier());
                }
                loyalty.pointsExpiring().stream().map(PointsExpiry::expiresAt).min(Instant::compareTo).ifPresent(at -> {
                    b.instants.put("earliestExpiry", at);
                    b.subject("expiresAt", at.toString()).namedKey("expiry", "points:" + at);
                });
            }
            case SubscriptionUpdated subscription -> {
                b.customer(subscription.customerId())
                        .key("subscription:" + subscription.subscriptionId() + ":" + subscription.nextChargeAt())
                        .subject("subscriptionId", subscription.subscriptionId())
                        .fact("status", subscription.status().id())
                        .fact("hasNextCharge", subscription.status() == SubscriptionStatus.ACTIVE
                                && subscription.nextChargeAt() != null);
                if (subscription.nextChargeAt() != null) {
                    b.instants.put("nextChargeAt", subscription.nextChargeAt());
                    b.subject("nextChargeAt", subscription.nextChargeAt().toString());
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(b.build());
    }

    /**
     * A shipment's trigger. Its {@code notice} is the status, except that the delivery completing a
     * split order is {@code all_delivered}: one "everything has arrived" message instead of another
     * "delivered". The subject keeps it, so a message sent later says what it was planned to say.
     */
    private static void shipment(Builder b, ShipmentUpdated event, OrderRecord order) {
        ShipmentRecord shipment = order.shipments().get(event.shipmentId());
        boolean split = order.isSplit();
        boolean allDelivered = order.isAllDelivered();
        String notice = event.status() == ShipmentStatus.DELIVERED && split && allDelivered
                ? "all_delivered"
                : event.status().id();
        List<String> products = kept(order, order.linesIn(shipment));
        b.customer(order.customerId()).key("shipment:" + event.shipmentId() + ":" + event.status().id())
                .subject("orderId", order.orderId()).subject("shipmentId", event.shipmentId())
                .subject("status", event.status().id()).subject("notice", notice)
                .subject("productIds", LedgerEntry.joinProductIds(products))
                .products(products, kept(order, order.items()))
                .fact("status", event.status().id()).fact("notice", notice).fact("split", split)
                .fact("allDelivered", allDelivered);
        if (event.carrier() != null) {
            b.fact("carrier", event.carrier());
        }
    }

    /** The distinct products of these lines the customer has not returned. */
    private static List<String> kept(OrderRecord order, List<LineItem> lines) {
        Set<String> returned = order.returnedProducts();
        return lines.stream().map(LineItem::productId).distinct().filter(p -> !returned.contains(p)).toList();
    }

    /** The products a journey's messages are about: the trigger's, or the whole order's. */
    public List<String> productsFor(Journey journey) {
        return journey.aboutWholeOrder() ? orderProducts : products;
    }

    /** The business key a journey makes its messages unique by; {@code null} when this trigger has none by that name. */
    public String key(Journey journey) {
        return keys.get(journey.key());
    }

    /** Detail-types that can start a journey; a journey naming any other is rejected at start-up. */
    public static boolean canStart(String detailType) {
        return OFFERS.containsKey(detailType);
    }

    private static final class Builder {
        private String customerId;
        private final Map<String, String> keys = new LinkedHashMap<>();
        private final Map<String, String> subject = new LinkedHashMap<>();
        private final Map<String, Instant> instants = new LinkedHashMap<>();
        private final Map<String, Object> facts = new LinkedHashMap<>();
        private List<String> products = List.of();
        private List<String> orderProducts = List.of();

        Builder customer(String id) {
            customerId = id;
            keys.put("customer", "customer:" + id);
            return this;
        }

        Builder key(String eventKey) {
            keys.put(Journey.EVENT_KEY, eventKey);
            return this;
        }

        Builder namedKey(String name, String value) {
            keys.put(name, value);
            return this;
        }

        Builder subject(String name, String value) {
            subject.put(name, value);
            return this;
        }

        Builder fact(String name, Object value) {
            facts.put(name, value);
            return this;
        }

        Builder products(List<String> about, List<String> ofOrder) {
            products = about;
            orderProducts = ofOrder;
            return this;
        }

        Trigger build() {
            return new Trigger(customerId, keys, subject, instants, products, orderProducts, facts);
        }
    }
}
