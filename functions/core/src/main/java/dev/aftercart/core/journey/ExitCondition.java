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
    ITEM_RETURNED,
    /** The customer ordered every product the message is about again, in a later order. */
    PRODUCT_REORDERED,
    /** The customer rated every product the message is about at or below the negative-review rating, however long ago. */
    PRODUCT_RATED_POORLY,
    /** The customer is a loyalty member now. */
    LOYALTY_MEMBER,
    /** The points the message is about were spent before they expired. */
    POINTS_SPENT,
    /** The subscription no longer charges when the message says: paused, cancelled or moved. */
    SUBSCRIPTION_CHANGED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExitCondition fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
