package dev.aftercart.core.testing;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.port.CustomerStore;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;

/**
 * {@link CustomerStore} in memory, with the port's conditional writes: {@code expectedVersion} 0
 * means "none stored yet", anything else must equal the stored version.
 *
 * <p>To play a concurrent writer, queue a {@link #beforeProfileSave} or {@link #beforeOrderSave}
 * action: it runs once, just before the next save checks its condition, as another Lambda writing
 * between this one's read and its write would.
 */
public final class InMemoryCustomerStore implements CustomerStore {

    private final Map<String, CustomerProfile> profiles = new HashMap<>();
    private final Map<String, OrderRecord> orders = new LinkedHashMap<>();
    private final Queue<Runnable> beforeProfileSave = new ArrayDeque<>();
    private final Queue<Runnable> beforeOrderSave = new ArrayDeque<>();
    private final ThreadLocal<Boolean> inAction = ThreadLocal.withInitial(() -> false);
    private final InMemoryMessageLedger ledger;

    public InMemoryCustomerStore() {
        this(null);
    }

    /** A store whose {@link #erase} deletes the customer's messages from {@code ledger} too, as one table would. */
    public InMemoryCustomerStore(InMemoryMessageLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public synchronized Optional<CustomerProfile> profile(String customerId) {
        return Optional.ofNullable(profiles.get(customerId));
    }

    @Override
    public boolean saveProfile(CustomerProfile profile, long expectedVersion) {
        runNext(beforeProfileSave);
        synchronized (this) {
            if (!matches(profiles.get(profile.customerId()), expectedVersion, CustomerProfile::version)) {
                return false;
            }
            profiles.put(profile.customerId(), profile);
            return true;
        }
    }

    @Override
    public synchronized Optional<OrderRecord> order(String customerId, String orderId) {
        return Optional.ofNullable(orders.get(key(customerId, orderId)));
    }

    @Override
    public boolean saveOrder(OrderRecord order, long expectedVersion) {
        runNext(beforeOrderSave);
        synchronized (this) {
            String key = key(order.customerId(), order.orderId());
            if (!matches(orders.get(key), expectedVersion, OrderRecord::version)) {
                return false;
            }
            orders.put(key, order);
            return true;
        }
    }

    @Override
    public synchronized List<OrderRecord> orders(String customerId) {
        return orders.values().stream().filter(o -> o.customerId().equals(customerId)).toList();
    }

    @Override
    public synchronized Optional<String> customerIdForOrder(String orderId) {
        return orders.values().stream().filter(o -> o.orderId().equals(orderId)).map(OrderRecord::customerId).findFirst();
    }

    @Override
    public synchronized List<String> customerIdsForPhone(String phoneNumber) {
        return profiles.values().stream()
                .filter(p -> phoneNumber.equals(p.phone()))
                .map(CustomerProfile::customerId)
                .sorted()
                .toList();
    }

    @Override
    public synchronized int erase(String customerId) {
        int items = profiles.remove(customerId) == null ? 0 : 1;
        int before = orders.size();
        orders.values().removeIf(o -> o.customerId().equals(customerId));
        items += before - orders.size();
        return items + (ledger == null ? 0 : ledger.erase(customerId));
    }

    /** Runs {@code writer} once, just before the next profile save checks its condition. */
    public synchronized InMemoryCustomerStore beforeProfileSave(Runnable writer) {
        beforeProfileSave.add(writer);
        return this;
    }

    /** Runs {@code writer} once, just before the next order save checks its condition. */
    public synchronized InMemoryCustomerStore beforeOrderSave(Runnable writer) {
        beforeOrderSave.add(writer);
        return this;
    }

    /** Runs the next queued action; the action's own saves do not trigger further actions. */
    private void runNext(Queue<Runnable> actions) {
        Runnable next;
        synchronized (this) {
            if (inAction.get()) {
                return;
            }
            next = actions.poll();
        }
        if (next != null) {
            inAction.set(true);
            try {
                next.run();
            } finally {
                inAction.set(false);
            }
        }
    }

    private static <T> boolean matches(T stored, long expectedVersion, java.util.function.ToLongFunction<T> version) {
        return expectedVersion == 0 ? stored == null : stored != null && version.applyAsLong(stored) == expectedVersion;
    }

    private static String key(String customerId, String orderId) {
        return customerId + "\u0000" + orderId;
    }
}
