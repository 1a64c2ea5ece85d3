package dev.aftercart.core.event;

import java.time.Instant;

/** A subscription's state from the store's billing: when it next charges, and where to manage it. */
public record SubscriptionUpdated(
        String subscriptionId,
        String customerId,
        SubscriptionStatus status,
        String productId,
        Instant nextChargeAt,
        Money amount,
        String manageUrl,
        Instant occurredAt) implements ShopEvent {

    public static final String DETAIL_TYPE = "Subscription Updated";

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
