package dev.aftercart.core.journey;

import java.util.List;

/**
 * The preference page's topics a journey can belong to, besides marketing email and SMS (which
 * are consent per channel). Order and shipping updates are not a topic: they cannot be turned off.
 */
public final class Topics {

    public static final String REVIEW_REQUESTS = "review_requests";
    public static final String LOYALTY_REMINDERS = "loyalty_reminders";
    public static final List<String> ALL = List.of(REVIEW_REQUESTS, LOYALTY_REMINDERS);

    private Topics() {
    }
}
