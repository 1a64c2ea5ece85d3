package dev.aftercart.core.customer;

import dev.aftercart.core.event.ShipmentItem;
import dev.aftercart.core.event.ShipmentStatus;
import java.time.Instant;
import java.util.List;

/**
 * One shipment of an order as its carrier last reported it.
 *
 * @param items what it carries; {@code null} means the whole order
 * @param statusAt the {@code occurredAt} of the status, so older updates are recognised as stale
 */
public record ShipmentRecord(
        String shipmentId,
        ShipmentStatus status,
        Instant statusAt,
        String carrier,
        String trackingNumber,
        String trackingUrl,
        Instant estimatedDelivery,
        List<ShipmentItem> items) {

    public ShipmentRecord {
        items = items == null ? null : List.copyOf(items);
    }

    public boolean carriesWholeOrder() {
        return items == null;
    }
}
