package dev.aftercart.core.event;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where a return stands in the store's returns portal. */
public enum ReturnStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    RECEIVED,
    REFUNDED,
    EXCHANGE_SHIPPED;

    public static final List<String> IDS = Arrays.stream(values()).map(ReturnStatus::id).toList();

    /** Whether the products are on their way back, or back: from approval on, unless rejected. */
    public boolean meansReturned() {
        return this != REQUESTED && this != REJECTED;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReturnStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
