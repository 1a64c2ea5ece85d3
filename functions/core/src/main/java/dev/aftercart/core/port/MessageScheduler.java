package dev.aftercart.core.port;

import java.time.Instant;

/** Fires a message's dispatch at a future instant. */
public interface MessageScheduler {

    /**
     * Arranges for {@code messageId} of {@code customerId} to be dispatched at {@code at}, under
     * the given unique name. Scheduling the same name twice is not an error.
     */
    void schedule(String name, String customerId, String messageId, Instant at);

    /** Removes a pending schedule. A schedule that has already fired or never existed is fine. */
    void cancel(String name);
}
