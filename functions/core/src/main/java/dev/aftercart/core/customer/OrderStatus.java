package dev.aftercart.core.customer;

public enum OrderStatus {
    PLACED,
    CANCELLED
}
