package dev.aftercart.core.ledger;

import java.util.Locale;

/** Where a message is in its life. The last four are final: dispatching one again does nothing. */
public enum MessageStatus {
    PLANNED,
    SCHEDULED,
    HELD,
    SENDING,
    SENT,
    SKIPPED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == SENT || this == SKIPPED || this == FAILED || this == CANCELLED;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
