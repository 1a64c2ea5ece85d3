package dev.aftercart.core.testing;

import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.port.MessageLedger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link MessageLedger} in memory, with the port's conditional writes: an insert fails when the
 * message id exists for that customer; an update succeeds only against {@code expectedVersion}.
 */
public final class InMemoryMessageLedger implements MessageLedger {

    private final Map<String, LedgerEntry> entries = new LinkedHashMap<>();

    @Override
    public synchronized boolean insert(LedgerEntry entry) {
        return entries.putIfAbsent(key(entry.customerId(), entry.messageId()), entry) == null;
    }

    @Override
    public synchronized Optional<LedgerEntry> find(String customerId, String messageId) {
        return Optional.ofNullable(entries.get(key(customerId, messageId)));
    }

    @Override
    public synchronized boolean update(LedgerEntry entry, long expectedVersion) {
        String key = key(entry.customerId(), entry.messageId());
        LedgerEntry stored = entries.get(key);
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        entries.put(key, entry);
        return true;
    }

    @Override
    public synchronized List<LedgerEntry> forCustomer(String customerId) {
        return entries.values().stream().filter(e -> e.customerId().equals(customerId)).toList();
    }

    /** Every entry of every customer, in insertion order. */
    public synchronized List<LedgerEntry> all() {
        return new ArrayList<>(entries.values());
    }

    private static String key(String customerId, String messageId) {
        return customerId + "\u0000" + messageId;
    }

    /** Deletes the customer's messages; for {@link InMemoryCustomerStore#erase}. */
    synchronized int erase(String customerId) {
        int before = entries.size();
        entries.values().removeIf(e -> e.customerId().equals(customerId));
        return before - entries.size();
    }
}
