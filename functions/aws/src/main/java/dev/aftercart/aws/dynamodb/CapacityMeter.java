package dev.aftercart.aws.dynamodb;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Adds up the read and write capacity units DynamoDB reports it consumed, per operation, so the
 * cost of a journey can be measured (the local runner prints RCU/WCU per order confirmation).
 * Thread-safe: one meter can serve every adapter of a container.
 *
 * <p>A conditional write that fails still consumes write units, but DynamoDB reports no capacity
 * with the error; such calls are counted with no units.
 */
public final class CapacityMeter {

    private static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");

    private final Map<String, Usage> operations = new TreeMap<>();

    /** Records one call of {@code operation} and what it consumed ({@code null} when nothing was reported). */
    public void record(String operation, ConsumedCapacity consumed) {
        record(operation, consumed == null ? List.of() : List.of(consumed));
    }

    /** Records one call that touched several tables, as BatchGetItem reports it. */
    public void record(String operation, List<ConsumedCapacity> consumed) {
        double reads = 0;
        double writes = 0;
        for (ConsumedCapacity capacity : consumed == null ? List.<ConsumedCapacity>of() : consumed) {
            if (capacity.readCapacityUnits() != null || capacity.writeCapacityUnits() != null) {
                reads += orZero(capacity.readCapacityUnits());
                writes += orZero(capacity.writeCapacityUnits());
            } else if (READS.contains(operation)) {
                reads += orZero(capacity.capacityUnits());
            } else {
                writes += orZero(capacity.capacityUnits());
            }
        }
        Usage call = new Usage(1, reads, writes);
        synchronized (operations) {
            operations.merge(operation, call, Usage::plus);
        }
    }

    public Snapshot snapshot() {
        synchronized (operations) {
            return new Snapshot(operations);
        }
    }

    private static double orZero(Double units) {
        return units == null ? 0 : units;
    }

    /** Calls made and units consumed by one operation. */
    public record Usage(long calls, double readUnits, double writeUnits) {

        public static final Usage NONE = new Usage(0, 0, 0);

        public Usage plus(Usage other) {
            return new Usage(calls + other.calls, readUnits + other.readUnits, writeUnits + other.writeUnits);
        }

        public Usage minus(Usage other) {
            return new Usage(calls - other.calls, readUnits - other.readUnits, writeUnits - other.writeUnits);
        }
    }

    /**
     * Totals at one moment, and per operation name (GetItem, PutItem, UpdateItem, Query,
     * BatchGetItem), in name order.
     */
    public record Snapshot(double readUnits, double writeUnits, Map<String, Usage> operations) {

        public static final Snapshot EMPTY = new Snapshot(Map.of());

        public Snapshot {
            operations = Collections.unmodifiableMap(new TreeMap<>(operations));
        }

        Snapshot(Map<String, Usage> operations) {
            this(operations.values().stream().mapToDouble(Usage::readUnits).sum(),
                    operations.values().stream().mapToDouble(Usage::writeUnits).sum(),
                    operations);
        }

        public Usage operation(String name) {
            return operations.getOrDefault(name, Usage.NONE);
        }

        public long calls() {
            return operations.values().stream().mapToLong(Usage::calls).sum();
        }

        /** What was consumed since {@code earlier}; operations with no calls in between are left out. */
        public Snapshot minus(Snapshot earlier) {
            Map<String, Usage> diff = new TreeMap<>();
            operations.forEach((name, usage) -> {
                Usage delta = usage.minus(earlier.operation(name));
                if (delta.calls() != 0) {
                    diff.put(name, delta);
                }
            });
            return new Snapshot(diff);
        }
    }
}
