package dev.aftercart.core.policy;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.ledger.LedgerEntry;
import java.util.List;

/** Everything a send-time decision looks at, loaded fresh when the message is due. {@code order} may be null. */
public record SendContext(LedgerEntry message, Journey journey, JourneyStep step, CustomerProfile profile, OrderRecord order) {

    /** The products the message is about, from its subject; empty for messages about no product. */
    public List<String> subjectProducts() {
        return message.productIds();
    }
}
