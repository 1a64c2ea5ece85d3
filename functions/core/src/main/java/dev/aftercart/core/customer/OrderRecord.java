package dev.aftercart.core.customer;

import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.ReturnItem;
import dev.aftercart.core.event.ShipmentItem;
import dev.aftercart.core.event.ShipmentStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An order as Aftercart keeps it. A cancellation that arrives before its order leaves a
 * cancelled stub with no items, so a late {@code Order Placed} can never send a confirmation.
 *
 * @param shipments each shipment by id, in the order they were first seen
 * @param returns each return by id, in the order they were first seen
 */
public record OrderRecord(
        String customerId,
        String orderId,
        String orderNumber,
        Instant placedAt,
        List<LineItem> items,
        Money subtotal,
        Money discount,
        Money shipping,
        Money tax,
        Money total,
        OrderStatus status,
        String cancelReason,
        Map<String, ShipmentRecord> shipments,
        Map<String, ReturnRecord> returns,
        Instant updatedAt,
        long version) {

    public OrderRecord {
        items = items == null ? List.of() : List.copyOf(items);
        shipments = shipments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(shipments));
        returns = returns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(returns));
    }

    public boolean isCancelled() {
        return status == OrderStatus.CANCELLED;
    }

    /** Whether the store has told us what was ordered (a cancellation stub has not). */
    public boolean isKnown() {
        return total != null;
    }

    public String displayNumber() {
        return orderNumber != null ? orderNumber : orderId;
    }

    /** The order cancelled at {@code at}, as the next version. */
    public OrderRecord cancelled(String reason, Instant at) {
        return new OrderRecord(customerId, orderId, orderNumber, placedAt, items, subtotal, discount, shipping, tax,
                total, OrderStatus.CANCELLED, reason, shipments, returns, at, version + 1);
    }

    /** The order with this shipment's latest state, as the next version. */
    public OrderRecord withShipment(ShipmentRecord shipment) {
        Map<String, ShipmentRecord> next = new LinkedHashMap<>(shipments);
        next.put(shipment.shipmentId(), shipment);
        return new OrderRecord(customerId, orderId, orderNumber, placedAt, items, subtotal, discount, shipping, tax,
                total, status, cancelReason, next, returns, updatedAt, version + 1);
    }

    /** The order with this return's latest state, as the next version. */
    public OrderRecord withReturn(ReturnRecord returned) {
        Map<String, ReturnRecord> next = new LinkedHashMap<>(returns);
        next.put(returned.returnId(), returned);
        return new OrderRecord(customerId, orderId, orderNumber, placedAt, items, subtotal, discount, shipping, tax,
                total, status, cancelReason, shipments, next, updatedAt, version + 1);
    }

    /** Products on their way back or back: in a return that was approved, received, refunded or exchanged. */
    public Set<String> returnedProducts() {
        return returns.values().stream()
                .filter(r -> r.status().meansReturned())
                .flatMap(r -> r.items().stream())
                .map(ReturnItem::productId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the order ships in more than one parcel, as far as its shipments show so far. */
    public boolean isSplit() {
        return shipments.size() > 1
                || shipments.values().stream().anyMatch(s -> !s.carriesWholeOrder() && !carriesEveryUnit(s));
    }

    /** Whether every unit ordered is in a delivered shipment. */
    public boolean isAllDelivered() {
        Map<String, Integer> delivered = new HashMap<>();
        for (ShipmentRecord shipment : shipments.values()) {
            if (shipment.status() != ShipmentStatus.DELIVERED) {
                continue;
            }
            if (shipment.carriesWholeOrder()) {
                return true;
            }
            shipment.items().forEach(i -> delivered.merge(i.productId(), i.quantity(), Integer::sum));
        }
        Map<String, Integer> ordered = items.stream()
                .collect(Collectors.groupingBy(LineItem::productId, Collectors.summingInt(LineItem::quantity)));
        return !ordered.isEmpty()
                && ordered.entrySet().stream().allMatch(e -> delivered.getOrDefault(e.getKey(), 0) >= e.getValue());
    }

    /** The order's lines this shipment carries: all of them when it carries the whole order. */
    public List<LineItem> linesIn(ShipmentRecord shipment) {
        if (shipment.carriesWholeOrder()) {
            return items;
        }
        Set<String> products = shipment.items().stream().map(ShipmentItem::productId).collect(Collectors.toSet());
        return items.stream().filter(line -> products.contains(line.productId())).toList();
    }

    /** Whether one parcel's items cover every unit ordered (a parcel with half the units is part of a split). */
    private boolean carriesEveryUnit(ShipmentRecord shipment) {
        Map<String, Integer> shipped = shipment.items().stream()
                .collect(Collectors.groupingBy(ShipmentItem::productId, Collectors.summingInt(ShipmentItem::quantity)));
        return items.stream()
                .collect(Collectors.groupingBy(LineItem::productId, Collectors.summingInt(LineItem::quantity)))
                .entrySet().stream()
                .allMatch(e -> shipped.getOrDefault(e.getKey(), 0) >= e.getValue());
    }
}
