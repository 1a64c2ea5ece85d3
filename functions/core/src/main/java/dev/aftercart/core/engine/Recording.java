package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;

/** The state after recording one event; {@code profile} and {@code order} are null where the event has none. */
public record Recording(RecordState state, CustomerProfile profile, OrderRecord order) {
}
