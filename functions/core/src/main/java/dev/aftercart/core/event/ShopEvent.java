package dev.aftercart.core.event;

import java.time.Instant;

/** Something that happened in the store, already validated against the contract. */
public sealed interface ShopEvent permits OrderPlaced, OrderCancelled, CustomerUpdated, ProductUpdated,
        ShipmentUpdated, ReviewSubmitted, ReturnUpdated, LoyaltyUpdated, SubscriptionUpdated {

    /** When it happened in the store; orders state changes and detects stale events. */
    Instant occurredAt();

    /** The detail-type it arrived as, e.g. {@code Order Placed}. */
    String detailType();
}
