package dev.aftercart.core.customer;

import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.Money;
import java.time.Instant;
import java.util.List;

/**
 * An order as Aftercart keeps it. A cancellation that arrives before its order leaves a
 * cancelled stub with no items, so a late {@code Order Placed} can never send a confirmation.
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
        Instant updatedAt,
        long version) {

    public OrderRecord {
        items = items == null ? List.of() : List.copyOf(items);
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
                total, OrderStatus.CANCELLED, reason, at, version + 1);
    }
}
