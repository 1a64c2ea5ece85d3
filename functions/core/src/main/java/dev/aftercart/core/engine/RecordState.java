package dev.aftercart.core.engine;

import java.util.Locale;

/** What recording an event did to the customer's state. */
public enum RecordState {
    /** The event changed state. */
    RECORDED,
    /** The same fact was already recorded: a re-delivered or re-published event. */
    DUPLICATE,
    /** Older than the state already recorded: kept out of state, and nothing is sent for it. */
    STALE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
