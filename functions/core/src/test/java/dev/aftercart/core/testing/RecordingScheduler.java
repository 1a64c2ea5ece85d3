package dev.aftercart.core.testing;

import dev.aftercart.core.port.MessageScheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records schedules and cancellations; {@link #pending} is what would still fire. */
public final class RecordingScheduler implements MessageScheduler {

    public record Schedule(String name, String customerId, String messageId, Instant at) {
    }

    private final Map<String, Schedule> pending = new LinkedHashMap<>();
    private final List<Schedule> scheduled = new ArrayList<>();
    private final List<String> cancelled = new ArrayList<>();

    @Override
    public synchronized void schedule(String name, String customerId, String messageId, Instant at) {
        Schedule schedule = new Schedule(name, customerId, messageId, at);
        scheduled.add(schedule);
        pending.put(name, schedule);
    }

    @Override
    public synchronized void cancel(String name) {
        cancelled.add(name);
        pending.remove(name);
    }

    /** Schedules not cancelled, in the order they were made. */
    public synchronized List<Schedule> pending() {
        return List.copyOf(pending.values());
    }

    /** Every schedule call, including ones later cancelled. */
    public synchronized List<Schedule> scheduled() {
        return List.copyOf(scheduled);
    }

    public synchronized List<String> cancelled() {
        return List.copyOf(cancelled);
    }
}
