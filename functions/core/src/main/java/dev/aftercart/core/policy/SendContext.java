package dev.aftercart.core.policy;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.ledger.LedgerEntry;

/** Everything a send-time decision looks at, loaded fresh when the message is due. {@code order} may be null. */
public record SendContext(LedgerEntry message, Journey journey, JourneyStep step, CustomerProfile profile, OrderRecord order) {
}
