package dev.aftercart.core.engine;

/**
 * An event about an order Aftercart has not recorded yet, such as a shipment update that
 * overtook its Order Placed. Thrown so Lambda retries the event later; after its retries it lands
 * in the failure queue with this message.
 */
public final class OrderNotYetKnownException extends RuntimeException {

    public OrderNotYetKnownException(String orderId) {
        super("order " + orderId + " is not recorded yet; retry later");
    }
}
