package dev.aftercart.core.customer;

/** How many orders held both a product and {@code productId}. */
public record CoPurchase(String productId, long count) {
}
