package dev.aftercart.core.event;

import java.time.Instant;

/**
 * A customer's review of a product. {@code title} and {@code body} are the customer's own words:
 * they are kept out of logs and never placed in a header unescaped.
 */
public record ReviewSubmitted(
        String reviewId,
        String customerId,
        String orderId,
        String productId,
        int rating,
        String title,
        String body,
        boolean hasMedia,
        Instant occurredAt) implements ShopEvent {

    public static final String DETAIL_TYPE = "Review Submitted";

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
