package dev.aftercart.core.event;

import java.time.Instant;
import java.util.List;

/**
 * A carrier update for one shipment of an order. {@code customerId} may be absent (the order
 * tells whose it is); {@code items} absent means the whole order is in this shipment.
 */
public record ShipmentUpdated(
        String shipmentId,
        String orderId,
        String customerId,
        ShipmentStatus status,
        String carrier,
        String trackingNumber,
        String trackingUrl,
        Instant estimatedDelivery,
        List<ShipmentItem> items,
        Instant occurredAt) implements ShopEvent {

    public static final String DETAIL_TYPE = "Shipment Updated";

    public ShipmentUpdated {
        items = items == null ? null : List.copyOf(items);
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
