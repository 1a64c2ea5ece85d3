package dev.aftercart.core.port;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import java.util.List;
import java.util.Optional;

/**
 * Customer state: profiles and orders. Writes are conditional on {@code version}, so concurrent
 * events for one customer never overwrite each other; a {@code false} return means "reload and retry".
 */
public interface CustomerStore {

    Optional<CustomerProfile> profile(String customerId);

    /** Writes the profile if the stored one still has {@code expectedVersion} (0: none stored yet). */
    boolean saveProfile(CustomerProfile profile, long expectedVersion);

    Optional<OrderRecord> order(String customerId, String orderId);

    /** Writes the order if the stored one still has {@code expectedVersion} (0: none stored yet). */
    boolean saveOrder(OrderRecord order, long expectedVersion);

    /** Every order of the customer, for purchase history. */
    List<OrderRecord> orders(String customerId);

    /** The customer an order belongs to, for events that carry only the order id. */
    Optional<String> customerIdForOrder(String orderId);

    /** Every customer whose profile has this E.164 number, for texts the customer sends back. */
    List<String> customerIdsForPhone(String phoneNumber);

    /** Deletes every item of the customer: profile, orders, ledger. For the right to erasure. */
    int erase(String customerId);
}
