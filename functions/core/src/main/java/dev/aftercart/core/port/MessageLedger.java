package dev.aftercart.core.port;

import dev.aftercart.core.ledger.LedgerEntry;
import java.util.List;
import java.util.Optional;

/** The record of every message: planned, scheduled, sent, skipped with its reason, or failed. */
public interface MessageLedger {

    /** Adds the entry unless a message with its id exists; {@code false} means it already does. */
    boolean insert(LedgerEntry entry);

    Optional<LedgerEntry> find(String customerId, String messageId);

    /** Replaces the entry if the stored one still has {@code expectedVersion}; {@code false} if another writer won. */
    boolean update(LedgerEntry entry, long expectedVersion);

    List<LedgerEntry> forCustomer(String customerId);
}
