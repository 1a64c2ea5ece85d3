package dev.aftercart.core.customer;

import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.SubscriptionStatus;
import java.time.Instant;

/** A subscription as billing last reported it. */
public record Subscription(
        String subscriptionId,
        SubscriptionStatus status,
        String productId,
        Instant nextChargeAt,
        Money amount,
        String manageUrl,
        Instant updatedAt) {

    public boolean chargesAt(Instant at) {
        return status == SubscriptionStatus.ACTIVE && nextChargeAt != null && nextChargeAt.equals(at);
    }
}
