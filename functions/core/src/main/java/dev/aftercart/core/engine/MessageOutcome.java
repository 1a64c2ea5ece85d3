package dev.aftercart.core.engine;

import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.ledger.SkipReason;
import java.time.Instant;

/** What became of one message when it was planned or dispatched. */
public sealed interface MessageOutcome {

    record Sent(String providerMessageId) implements MessageOutcome {
    }

    record Skipped(SkipReason reason) implements MessageOutcome {
    }

    record Held(Instant until, String why) implements MessageOutcome {
    }

    record Failed(String cause) implements MessageOutcome {
    }

    record Scheduled(Instant at) implements MessageOutcome {
    }

    /** Nothing done: the ledger already had it in {@code status}, e.g. a duplicate event. */
    record Unchanged(MessageStatus status) implements MessageOutcome {
    }

    /** Withdrawn before it was sent, e.g. because its order was cancelled. */
    record Cancelled(String why) implements MessageOutcome {
    }

    /** The schedule fired for a message the ledger does not hold (erased, or never planned). */
    record Missing() implements MessageOutcome {
    }

    static String describe(MessageOutcome outcome) {
        return switch (outcome) {
            case Sent s -> "sent";
            case Skipped s -> "skipped:" + s.reason().id();
            case Held h -> "held:" + h.why();
            case Failed f -> "failed:" + f.cause();
            case Scheduled s -> "scheduled";
            case Unchanged u -> "unchanged:" + u.status().id();
            case Cancelled c -> "cancelled:" + c.why();
            case Missing m -> "missing";
        };
    }
}
