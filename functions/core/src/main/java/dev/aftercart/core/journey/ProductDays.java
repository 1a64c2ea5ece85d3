package dev.aftercart.core.journey;

import dev.aftercart.core.customer.Product;

/** A per-product wait a step adds to its {@code after}: how long the product is used, or lasts. */
public enum ProductDays {
    NONE,
    /** The catalog's {@code usageDays}, 7 when it does not say: for review requests. */
    USAGE_DAYS,
    /** The catalog's {@code replenishAfterDays}; a product without it gets no message: for replenishment. */
    REPLENISH_AFTER_DAYS;

    static final int DEFAULT_USAGE_DAYS = 7;

    /** The product's days, or {@code null} when this wait does not apply to it. */
    public Integer of(Product product) {
        return switch (this) {
            case NONE -> 0;
            case USAGE_DAYS -> product != null && product.usageDays() != null ? product.usageDays() : DEFAULT_USAGE_DAYS;
            case REPLENISH_AFTER_DAYS -> product == null ? null : product.replenishAfterDays();
        };
    }

    static ProductDays fromId(String id) {
        return switch (id) {
            case "usageDays" -> USAGE_DAYS;
            case "replenishAfterDays" -> REPLENISH_AFTER_DAYS;
            default -> throw new IllegalArgumentException("unknown product wait " + id);
        };
    }
}
