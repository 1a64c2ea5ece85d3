package dev.aftercart.core.engine;

import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.ShipmentStatus;
import dev.aftercart.core.event.ShipmentUpdated;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.ledger.LedgerEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an event contributes when it starts a journey: whose journey, the business key that makes
 * its messages unique, the subject the messages are about, the instant timings count from, the
 * products it concerns, and the facts journey conditions test. Which events can start journeys,
 * and with which facts, is code; which journeys they start is data.
 */
public record Trigger(
        String customerId,
        String businessKey,
        Map<String, String> subject,
        Instant anchor,
        List<String> products,
        List<String> orderProducts,
        Map<String, Object> facts) {

    /** The facts each kind of trigger offers journey conditions. */
    public static final Map<String, Set<String>> FACTS = Map.of(
            OrderPlaced.DETAIL_TYPE, Set.of("itemCount"),
            ShipmentUpdated.DETAIL_TYPE, Set.of("status", "notice", "split", "allDelivered", "carrier"));

    public Trigger {
        subject = Map.copyOf(subject);
        products = List.copyOf(products);
        orderProducts = List.copyOf(orderProducts);
        facts = Map.copyOf(facts);
    }

    public static Optional<Trigger> of(ShopEvent event, Recording recording) {
        return switch (event) {
            case OrderPlaced placed -> Optional.of(new Trigger(placed.customer().customerId(),
                    "order:" + placed.orderId(), Map.of("orderId", placed.orderId()), placed.occurredAt(),
                    List.of(), placed.items().stream().map(LineItem::productId).distinct().toList(),
                    Map.of("itemCount", placed.items().stream().mapToInt(LineItem::quantity).sum())));
            case ShipmentUpdated shipment -> Optional.of(shipment(shipment, recording.order()));
            default -> Optional.empty();
        };
    }

    /**
     * A shipment's trigger. Its {@code notice} is the status, except that the delivery completing a
     * split order is {@code all_delivered}: one "everything has arrived" message instead of another
     * "delivered". The subject keeps it, so a message sent later says what it was planned to say.
     */
    private static Trigger shipment(ShipmentUpdated event, OrderRecord order) {
        ShipmentRecord shipment = order.shipments().get(event.shipmentId());
        boolean split = order.isSplit();
        boolean allDelivered = order.isAllDelivered();
        String notice = event.status() == ShipmentStatus.DELIVERED && split && allDelivered
                ? "all_delivered"
                : event.status().id();
        List<String> products = kept(order, order.linesIn(shipment));
        List<String> orderProducts = kept(order, order.items());
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("orderId", order.orderId());
        subject.put("shipmentId", event.shipmentId());
        subject.put("status", event.status().id());
        subject.put("notice", notice);
        subject.put("productIds", LedgerEntry.joinProductIds(products));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", event.status().id());
        facts.put("notice", notice);
        facts.put("split", split);
        facts.put("allDelivered", allDelivered);
        if (event.carrier() != null) {
            facts.put("carrier", event.carrier());
        }
        return new Trigger(order.customerId(), "shipment:" + event.shipmentId() + ":" + event.status().id(), subject,
                event.occurredAt(), products, orderProducts, facts);
    }

    /** The distinct products of these lines the customer has not returned. */
    private static List<String> kept(OrderRecord order, List<LineItem> lines) {
        return lines.stream()
                .map(LineItem::productId)
                .distinct()
                .filter(p -> !order.returnedProducts().contains(p))
                .toList();
    }

    /** The products a journey's messages are about: the trigger's, or the whole order's. */
    public List<String> productsFor(Journey journey) {
        return journey.aboutWholeOrder() ? orderProducts : products;
    }

    /** Detail-types that can start a journey; a journey naming any other is rejected at start-up. */
    public static boolean canStart(String detailType) {
        return FACTS.containsKey(detailType);
    }
}
