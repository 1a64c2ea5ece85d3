package dev.aftercart.core.event;

import java.time.Instant;

public record OrderCancelled(String orderId, String customerId, String reason, Instant occurredAt) implements ShopEvent {

    public static final String DETAIL_TYPE = "Order Cancelled";

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
