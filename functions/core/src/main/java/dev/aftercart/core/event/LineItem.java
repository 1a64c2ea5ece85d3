package dev.aftercart.core.event;

/** One line of an order. {@code originalPrice} is the pre-sale unit price, when the item is on sale. */
public record LineItem(
        String productId,
        String sku,
        String name,
        String category,
        int quantity,
        Money unitPrice,
        Money originalPrice,
        String url,
        String imageUrl) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }

    /** What the customer saved on this line against the original price; zero when not on sale. */
    public Money saving() {
        if (originalPrice == null || originalPrice.amount().compareTo(unitPrice.amount()) <= 0) {
            return new Money(java.math.BigDecimal.ZERO, unitPrice.currency());
        }
        return originalPrice.minus(unitPrice).times(quantity);
    }
}
