package dev.aftercart.core.event;

import java.time.Instant;
import java.util.List;

public record OrderPlaced(
        String orderId,
        String orderNumber,
        Instant placedAt,
        CustomerDetails customer,
        List<LineItem> items,
        Money subtotal,
        Money discount,
        Money shipping,
        Money tax,
        Money total,
        String shippingCountry,
        String shippingRegion,
        Instant occurredAt) implements ShopEvent {

    public static final String DETAIL_TYPE = "Order Placed";

    public OrderPlaced {
        items = List.copyOf(items);
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
