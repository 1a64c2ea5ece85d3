package dev.aftercart.aws.dynamodb;

import static dev.aftercart.aws.dynamodb.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CoPurchase;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.engine.RecordState;
import dev.aftercart.core.engine.Recorder;
import dev.aftercart.core.engine.Recording;
import dev.aftercart.core.event.ConsentDetails;
import dev.aftercart.core.event.CustomerDetails;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.Money;
import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.OrderPlaced;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The core's Recorder on the DynamoDB adapters: the semantics it relies on hold on the wire. */
class RecorderOnDynamoDbTest {

    private static final Instant PLACED = Instant.parse("2025-03-01T09:30:00Z");
    private static final CapacityMeter meter = new CapacityMeter();
    private static DynamoDbClient client;
    private static DynamoDbCustomerStore customers;
    private static DynamoDbCatalog catalog;
    private static Recorder recorder;

    @BeforeAll
    static void createTable() {
        String table = LocalDynamoDb.createTable("recorder-test");
        client = LocalDynamoDb.client();
        customers = new DynamoDbCustomerStore(client, table, meter);
        catalog = new DynamoDbCatalog(client, table, meter);
        recorder = new Recorder(customers, catalog);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void orderPlacedTwice_isRecordedOnce_andItsProductsCountedOnce() {
        OrderPlaced placed = orderPlaced(unique("c"), unique("o"), unique("tea"), unique("cup"));

        Recording first = recorder.record(placed);
        Recording again = recorder.record(placed);

        assertThat(first.state()).isEqualTo(RecordState.RECORDED);
        assertThat(again.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(customers.orders(placed.customer().customerId())).containsExactly(first.order());
        assertThat(customers.customerIdForOrder(placed.orderId())).contains(placed.customer().customerId());
        assertThat(catalog.boughtWith(placed.items().get(0).productId(), 5))
                .containsExactly(new CoPurchase(placed.items().get(1).productId(), 1));
    }

    @Test
    void cancellationThatOvertakesItsOrder_keepsTheLateOrderCancelled() {
        OrderPlaced placed = orderPlaced(unique("c"), unique("o"), unique("tea"), unique("cup"));
        String customerId = placed.customer().customerId();

        recorder.record(new OrderCancelled(placed.orderId(), customerId, "fraud", PLACED.plusSeconds(5)));
        Recording late = recorder.record(placed);

        OrderRecord stored = customers.order(customerId, placed.orderId()).orElseThrow();
        assertThat(late.state()).isEqualTo(RecordState.RECORDED);
        assertThat(stored.isCancelled()).isTrue();
        assertThat(stored.isKnown()).isTrue();
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void orderPlaced_forNewCustomerWithTwoProducts_consumesKnownCapacity() {
        OrderPlaced placed = orderPlaced(unique("c"), unique("o"), unique("tea"), unique("cup"));
        CapacityMeter.Snapshot before = meter.snapshot();

        recorder.record(placed);

        CapacityMeter.Snapshot used = meter.snapshot().minus(before);
        // Reads: profile and order, consistent; each product's co-purchases, consistent, because each gained
        // a partner and so is checked against the bound. Writes: profile and its byPhone index entry; order and
        // its byOrder index entry;
        // two product descriptions, each with its new byCategory index entry (the lines are "tea"); the two
        // directions of their pair.
        assertThat(used.operation("GetItem")).isEqualTo(new CapacityMeter.Usage(2, 2, 0));
        assertThat(used.operation("Query")).isEqualTo(new CapacityMeter.Usage(2, 2, 0));
        assertThat(used.operation("PutItem")).isEqualTo(new CapacityMeter.Usage(2, 0, 4));
        assertThat(used.operation("UpdateItem")).isEqualTo(new CapacityMeter.Usage(4, 0, 6));
        assertThat(used.operations()).containsOnlyKeys("GetItem", "Query", "PutItem", "UpdateItem");
        assertThat(used.readUnits()).isEqualTo(4);
        assertThat(used.writeUnits()).isEqualTo(10);
    }

    private static OrderPlaced orderPlaced(String customerId, String orderId, String productA, String productB) {
        CustomerDetails customer = new CustomerDetails(customerId, "minji@example.com", "+821012345678", "민지",
                "ko-KR", "Asia/Seoul", null, new ConsentDetails(true, null, null));
        List<LineItem> items = List.of(
                new LineItem(productA, null, "유기농 녹차", "tea", 1, Money.of("15000", "KRW"), null, null, null),
                new LineItem(productB, null, "찻잔", "tea", 2, Money.of("9000", "KRW"), null, null, null));
        return new OrderPlaced(orderId, "A-1", PLACED, customer, items, Money.of("33000", "KRW"),
                Money.of("0", "KRW"), Money.of("3000", "KRW"), Money.of("0", "KRW"), Money.of("36000", "KRW"), "KR",
                null, PLACED);
    }
}
