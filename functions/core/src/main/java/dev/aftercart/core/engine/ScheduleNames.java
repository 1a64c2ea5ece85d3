package dev.aftercart.core.engine;

import java.time.Instant;

/**
 * Deterministic EventBridge Scheduler names: the message id and the due second. A held message
 * gets a new name for its new time, so it never collides with the schedule that is firing it.
 */
public final class ScheduleNames {

    private ScheduleNames() {
    }

    /** At most 64 characters of {@code [0-9a-zA-Z-_.]}, as Scheduler requires. */
    public static String of(String messageId, Instant at) {
        return "ac-" + messageId + "-" + at.getEpochSecond();
    }
}
