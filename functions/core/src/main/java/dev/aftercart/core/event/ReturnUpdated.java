package dev.aftercart.core.event;

import java.time.Instant;
import java.util.List;

/** A return's new status. {@code refundAmount} is given with {@code refunded}. */
public record ReturnUpdated(
        String returnId,
        String orderId,
        String customerId,
        ReturnStatus status,
        List<ReturnItem> items,
        Money refundAmount,
        Instant occurredAt) implements ShopEvent {

    public static final String DETAIL_TYPE = "Return Updated";

    public ReturnUpdated {
        items = List.copyOf(items);
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
