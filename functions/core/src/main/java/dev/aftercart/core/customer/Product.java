package dev.aftercart.core.customer;

import dev.aftercart.core.event.Money;
import java.time.Instant;

/** A product as the catalog, or failing that its latest order line, described it. */
public record Product(
        String productId,
        String name,
        String category,
        String url,
        String imageUrl,
        Money price,
        Integer usageDays,
        Integer replenishAfterDays,
        boolean active,
        Instant updatedAt) {
}
