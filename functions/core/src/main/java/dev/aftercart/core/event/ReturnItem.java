package dev.aftercart.core.event;

/** A quantity of one product in a return, and the customer's reason code when given. */
public record ReturnItem(String productId, int quantity, String reason) {
}
