package dev.aftercart.core.feedback;

import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.port.CustomerStore;
import dev.aftercart.core.port.MessageLedger;
import dev.aftercart.core.port.MessageScheduler;

/**
 * The right to erasure: every schedule of the customer's waiting messages is deleted, then every
 * item of the customer (profile, orders, reviews, ledger). Aggregates that name no one, such as
 * how often products are bought together, stay.
 */
public final class Erasure {

    private final CustomerStore customers;
    private final MessageLedger ledger;
    private final MessageScheduler scheduler;

    public Erasure(CustomerStore customers, MessageLedger ledger, MessageScheduler scheduler) {
        this.customers = customers;
        this.ledger = ledger;
        this.scheduler = scheduler;
    }

    /** Returns how many items were deleted. */
    public int erase(String customerId) {
        int schedules = 0;
        for (LedgerEntry entry : ledger.forCustomer(customerId)) {
            if (!entry.status().isFinal() && entry.status() != MessageStatus.SENDING && entry.scheduleName() != null) {
                scheduler.cancel(entry.scheduleName());
                schedules++;
            }
        }
        int items = customers.erase(customerId);
        Log.info("customer_erased", "customerId", customerId, "items", items, "schedules", schedules);
        return items;
    }
}
