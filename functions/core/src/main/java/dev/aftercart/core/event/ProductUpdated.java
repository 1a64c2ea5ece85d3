package dev.aftercart.core.event;

import java.time.Instant;

/** Catalog facts the journeys need: how long to wait before a review request, when to replenish. */
public record ProductUpdated(
        String productId,
        String name,
        String category,
        String url,
        String imageUrl,
        Money price,
        Integer usageDays,
        Integer replenishAfterDays,
        boolean active,
        Instant occurredAt) implements ShopEvent {

    public static final String DETAIL_TYPE = "Product Updated";

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
