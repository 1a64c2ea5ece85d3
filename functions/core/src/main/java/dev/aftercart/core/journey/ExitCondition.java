package dev.aftercart.core.journey;

import java.util.Locale;

/** The vocabulary journeys use to end early. Each is re-checked at send time. */
public enum ExitCondition {
    /** The order the message is about was cancelled. */
    ORDER_CANCELLED,
    /** The shipment moved on from the status the message is about. */
    SHIPMENT_STATUS_CHANGED,
    /** The customer reviewed every product the message is about. */
    PRODUCT_REVIEWED,
    /** The customer returned every product the message is about. */
    ITEM_RETURNED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExitCondition fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
