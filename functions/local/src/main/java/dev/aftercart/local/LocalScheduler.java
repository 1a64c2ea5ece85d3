package dev.aftercart.local;

import dev.aftercart.core.port.MessageScheduler;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * EventBridge Scheduler on the virtual clock: one-time schedules by name, fired in time order as
 * the runner advances, and deleted after they fire (as ActionAfterCompletion=DELETE does).
 */
public final class LocalScheduler implements MessageScheduler {

    /** A schedule's payload, as the real one carries it to message-dispatch. */
    public record Schedule(String name, String customerId, String messageId, Instant at, long sequence) {
    }

    private final PriorityQueue<Schedule> queue = new PriorityQueue<>(
            Comparator.comparing(Schedule::at).thenComparingLong(Schedule::sequence));
    private final Map<String, Schedule> byName = new ConcurrentHashMap<>();
    private long sequence;
    private int created;
    private int cancelled;

    @Override
    public synchronized void schedule(String name, String customerId, String messageId, Instant at) {
        if (byName.containsKey(name)) {
            return;
        }
        Schedule schedule = new Schedule(name, customerId, messageId, at, sequence++);
        byName.put(name, schedule);
        queue.add(schedule);
        created++;
    }

    @Override
    public synchronized void cancel(String name) {
        Schedule schedule = byName.remove(name);
        if (schedule != null) {
            queue.remove(schedule);
            cancelled++;
        }
    }

    /** Removes and returns the next schedule due at or before {@code until}. */
    public synchronized Optional<Schedule> nextDue(Instant until) {
        Schedule head = queue.peek();
        if (head == null || head.at().isAfter(until)) {
            return Optional.empty();
        }
        queue.poll();
        byName.remove(head.name());
        return Optional.of(head);
    }

    public synchronized int pending() {
        return queue.size();
    }

    public synchronized int created() {
        return created;
    }

    public synchronized int cancelled() {
        return cancelled;
    }
}
