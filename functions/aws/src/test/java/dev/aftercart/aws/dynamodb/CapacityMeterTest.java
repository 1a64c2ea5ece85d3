package dev.aftercart.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

class CapacityMeterTest {

    private final CapacityMeter meter = new CapacityMeter();

    @Test
    void record_addsReadAndWriteUnitsPerOperation() {
        meter.record("GetItem", ConsumedCapacity.builder().capacityUnits(1.0).readCapacityUnits(1.0).build());
        meter.record("GetItem", ConsumedCapacity.builder().capacityUnits(0.5).readCapacityUnits(0.5).build());
        meter.record("PutItem", ConsumedCapacity.builder().capacityUnits(2.0).writeCapacityUnits(2.0).build());

        CapacityMeter.Snapshot snapshot = meter.snapshot();

        assertThat(snapshot.operation("GetItem")).isEqualTo(new CapacityMeter.Usage(2, 1.5, 0));
        assertThat(snapshot.operation("PutItem")).isEqualTo(new CapacityMeter.Usage(1, 0, 2.0));
        assertThat(snapshot.readUnits()).isEqualTo(1.5);
        assertThat(snapshot.writeUnits()).isEqualTo(2.0);
        assertThat(snapshot.calls()).isEqualTo(3);
    }

    @Test
    void record_countsTotalUnitsByKindOfOperation_whenDynamoDbGivesNoSplit() {
        meter.record("Query", ConsumedCapacity.builder().capacityUnits(0.5).build());
        meter.record("UpdateItem", ConsumedCapacity.builder().capacityUnits(1.0).build());

        assertThat(meter.snapshot().operation("Query")).isEqualTo(new CapacityMeter.Usage(1, 0.5, 0));
        assertThat(meter.snapshot().operation("UpdateItem")).isEqualTo(new CapacityMeter.Usage(1, 0, 1.0));
    }

    @Test
    void record_addsEveryTableOfABatch() {
        meter.record("BatchGetItem", List.of(
                ConsumedCapacity.builder().tableName("a").capacityUnits(1.0).build(),
                ConsumedCapacity.builder().tableName("b").capacityUnits(2.0).build()));

        assertThat(meter.snapshot().operation("BatchGetItem")).isEqualTo(new CapacityMeter.Usage(1, 3.0, 0));
    }

    @Test
    void record_countsTheCall_whenNoCapacityWasReported() {
        meter.record("PutItem", (ConsumedCapacity) null);

        assertThat(meter.snapshot().operation("PutItem")).isEqualTo(new CapacityMeter.Usage(1, 0, 0));
    }

    @Test
    void snapshot_isUnchangedByLaterCalls_andCannotBeModified() {
        meter.record("GetItem", ConsumedCapacity.builder().capacityUnits(1.0).build());
        CapacityMeter.Snapshot snapshot = meter.snapshot();

        meter.record("GetItem", ConsumedCapacity.builder().capacityUnits(1.0).build());
        meter.record("Query", ConsumedCapacity.builder().capacityUnits(1.0).build());

        assertThat(snapshot.readUnits()).isEqualTo(1.0);
        assertThat(snapshot.operations()).containsOnlyKeys("GetItem");
        assertThatThrownBy(() -> snapshot.operations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void minus_givesWhatWasConsumedBetweenTwoSnapshots() {
        meter.record("GetItem", ConsumedCapacity.builder().capacityUnits(1.0).build());
        meter.record("PutItem", ConsumedCapacity.builder().capacityUnits(1.0).build());
        CapacityMeter.Snapshot before = meter.snapshot();
        meter.record("PutItem", ConsumedCapacity.builder().capacityUnits(3.0).build());
        meter.record("Query", ConsumedCapacity.builder().capacityUnits(0.5).build());

        CapacityMeter.Snapshot used = meter.snapshot().minus(before);

        assertThat(used.operations()).containsOnlyKeys("PutItem", "Query");
        assertThat(used.operation("PutItem")).isEqualTo(new CapacityMeter.Usage(1, 0, 3.0));
        assertThat(used.readUnits()).isEqualTo(0.5);
        assertThat(used.writeUnits()).isEqualTo(3.0);
        assertThat(CapacityMeter.Snapshot.EMPTY.minus(CapacityMeter.Snapshot.EMPTY).calls()).isZero();
    }

    @Test
    void record_losesNothing_whenManyThreadsRecordAtOnce() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8_000; i++) {
            String operation = i % 2 == 0 ? "GetItem" : "PutItem";
            pool.execute(() -> meter.record(operation, ConsumedCapacity.builder().capacityUnits(0.5).build()));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        CapacityMeter.Snapshot snapshot = meter.snapshot();

        assertThat(snapshot.operation("GetItem")).isEqualTo(new CapacityMeter.Usage(4_000, 2_000, 0));
        assertThat(snapshot.operation("PutItem")).isEqualTo(new CapacityMeter.Usage(4_000, 0, 2_000));
    }
}
