package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import java.util.Map;

/**
 * The state after recording one event; {@code profile} and {@code order} are null where the event
 * has none. {@code facts} are what only recording could tell, such as the tier before the update.
 */
public record Recording(RecordState state, CustomerProfile profile, OrderRecord order, Map<String, Object> facts) {

    public Recording {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public Recording(RecordState state, CustomerProfile profile, OrderRecord order) {
        this(state, profile, order, Map.of());
    }
}
