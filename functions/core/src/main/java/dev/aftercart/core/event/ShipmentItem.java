package dev.aftercart.core.event;

/** A quantity of one product in a shipment. */
public record ShipmentItem(String productId, int quantity) {
}
