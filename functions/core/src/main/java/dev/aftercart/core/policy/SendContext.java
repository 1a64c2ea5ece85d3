package dev.aftercart.core.policy;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.ledger.LedgerEntry;
import java.util.List;

/**
 * Everything a send-time decision looks at, loaded fresh when the message is due. {@code order}
 * may be null; {@code orders} (the customer's every order) is loaded only for journeys that exit
 * on a reorder, and is empty otherwise. {@code smsOptedOut} is the SMS provider's opt-out list
 * for the customer's number; {@code marketingEmailPaused} the reputation guard's pause.
 */
public record SendContext(LedgerEntry message, Journey journey, JourneyStep step, CustomerProfile profile,
        OrderRecord order, List<OrderRecord> orders, boolean smsOptedOut, boolean marketingEmailPaused) {

    public SendContext {
        orders = orders == null ? List.of() : List.copyOf(orders);
    }

    public SendContext(LedgerEntry message, Journey journey, JourneyStep step, CustomerProfile profile, OrderRecord order,
            List<OrderRecord> orders) {
        this(message, journey, step, profile, order, orders, false, false);
    }

    public SendContext(LedgerEntry message, Journey journey, JourneyStep step, CustomerProfile profile, OrderRecord order) {
        this(message, journey, step, profile, order, List.of());
    }

    /** The products the message is about, from its subject; empty for messages about no product. */
    public List<String> subjectProducts() {
        return message.productIds();
    }
}
