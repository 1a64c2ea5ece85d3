package dev.aftercart.core.ledger;

import java.util.Locale;

/** Why a message was not sent. Recorded in the ledger so it answers "why wasn't this sent?". */
public enum SkipReason {
    ORDER_CANCELLED,
    ORDER_UNKNOWN,
    SHIPMENT_STATUS_CHANGED,
    PRODUCT_REVIEWED,
    ITEM_RETURNED,
    PRODUCT_REORDERED,
    LOYALTY_MEMBER,
    POINTS_SPENT,
    SUBSCRIPTION_CHANGED,
    NEGATIVE_REVIEW,
    PRODUCTS_EXCLUDED,
    CUSTOMER_UNKNOWN,
    JOURNEY_REMOVED,
    TOO_LATE,
    NO_EMAIL_ADDRESS,
    NO_PHONE_NUMBER,
    EMAIL_HARD_BOUNCED,
    EMAIL_COMPLAINED,
    EMAIL_SOFT_BOUNCED,
    SMS_OPTED_OUT,
    TOPIC_OPTED_OUT,
    NO_SMS_TRANSACTIONAL_CONSENT,
    NO_EMAIL_MARKETING_CONSENT,
    NO_SMS_MARKETING_CONSENT,
    MARKETING_CAP,
    MARKETING_COOLDOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SkipReason fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
