package dev.aftercart.core.customer;

import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.ReturnItem;
import dev.aftercart.core.event.ReturnStatus;
import java.time.Instant;
import java.util.List;

/** One return of an order as the returns portal last reported it. */
public record ReturnRecord(
        String returnId,
        ReturnStatus status,
        Instant statusAt,
        List<ReturnItem> items,
        Money refundAmount) {

    public ReturnRecord {
        items = List.copyOf(items);
    }
}
