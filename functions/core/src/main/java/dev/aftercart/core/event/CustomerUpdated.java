package dev.aftercart.core.event;

import java.time.Instant;

public record CustomerUpdated(CustomerDetails customer, Instant occurredAt) implements ShopEvent {

    public static final String DETAIL_TYPE = "Customer Updated";

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
