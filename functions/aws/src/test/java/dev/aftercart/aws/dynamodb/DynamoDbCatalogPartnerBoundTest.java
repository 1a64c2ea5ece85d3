package dev.aftercart.aws.dynamodb;

import static dev.aftercart.aws.dynamodb.Fixtures.line;
import static dev.aftercart.aws.dynamodb.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CoPurchase;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** How {@link DynamoDbCatalog} holds each product to {@value SingleTable#MAX_PARTNERS} co-purchase counts. */
class DynamoDbCatalogPartnerBoundTest {

    private static final Instant MONDAY = Instant.parse("2025-03-03T10:00:00Z");
    private static final RecordingInterceptor sent = new RecordingInterceptor();
    private static final UnprocessedKeysInterceptor throttle = new UnprocessedKeysInterceptor();
    private static final CapacityMeter meter = new CapacityMeter();
    private static String table;
    private static DynamoDbClient client;
    private static DynamoDbClient raw;
    private static DynamoDbCatalog catalog;

    @BeforeAll
    static void createTable() {
        table = LocalDynamoDb.createTable("catalog-partner-bound-test");
        client = LocalDynamoDb.client(sent, throttle);
        raw = LocalDynamoDb.client();
        catalog = new DynamoDbCatalog(client, table, meter);
    }

    @AfterAll
    static void closeClients() {
        client.close();
        raw.close();
    }

    @BeforeEach
    void forgetCalls() {
        sent.clear();
    }

    @Test
    void recordPurchase_keepsExactlyTheTopFiftyPartnersByCountThenId_deletingTheRestInOneBatch() {
        String hub = unique("hub");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < 47; i++) {
            counts.put(String.format("old-%02d", i), 5L);
        }
        counts.put("old-47", 1L);
        counts.put("old-48", 1L);
        counts.put("old-49", 1L);
        storePartners(hub, counts);
        sent.clear();

        catalog.recordPurchase(Stream.of(hub, "old-47", "a-new", "z-new").map(id -> line(id, id, "1000")).toList(),
                MONDAY);

        // old-47 now counts 2; of the four at 1, the two first by id stay: a-new and old-48.
        counts.merge("old-47", 1L, Long::sum);
        counts.put("a-new", 1L);
        counts.put("z-new", 1L);
        assertThat(storedPartners(hub)).isEqualTo(topFifty(counts)).hasSize(50)
                .containsEntry("old-47", 2L).containsEntry("a-new", 1L).containsEntry("old-48", 1L)
                .doesNotContainKeys("old-49", "z-new");
        List<BatchWriteItemRequest> batches = sent.requests(BatchWriteItemRequest.class);
        assertThat(batches).singleElement().satisfies(batch -> assertThat(batch.requestItems().get(table))
                .extracting(write -> write.deleteRequest().key())
                .containsExactly(coKey(hub, "old-49"), coKey(hub, "z-new")));
    }

    @Test
    void recordPurchase_checksOnlyProductsThatGainedAPartner_readingTheirCountsConsistently() {
        String tea = unique("tea");
        String cup = unique("cup");

        catalog.recordPurchase(List.of(line(tea, "녹차", "15000"), line(cup, "찻잔", "9000")), MONDAY);

        assertThat(sent.requests(UpdateItemRequest.class))
                .filteredOn(update -> update.key().get("sk").s().startsWith("CO#"))
                .hasSize(2)
                .allSatisfy(update -> {
                    assertThat(update.updateExpression()).isEqualTo("ADD #count :count");
                    assertThat(update.returnValues()).isEqualTo(ReturnValue.UPDATED_OLD);
                });
        assertThat(sent.requests(QueryRequest.class)).hasSize(2).allSatisfy(query -> {
            assertThat(query.consistentRead()).isTrue();
            assertThat(query.indexName()).isNull();
            assertThat(query.expressionAttributeValues()).containsEntry(":prefix", AttributeValue.fromS("CO#"));
        });
        assertThat(sent.requests(QueryRequest.class)).extracting(query -> query.expressionAttributeValues().get(":pk").s())
                .containsExactly("P#" + tea, "P#" + cup);
        assertThat(sent.count("BatchWriteItem")).isZero();
    }

    @Test
    void recordPurchase_checksNothing_whenEveryPairWasAlreadyCounted() {
        String tea = unique("tea");
        String cup = unique("cup");
        catalog.recordPurchase(List.of(line(tea, "녹차", "15000"), line(cup, "찻잔", "9000")), MONDAY);
        sent.clear();

        catalog.recordPurchase(List.of(line(cup, "찻잔", "9000"), line(tea, "녹차", "15000")), MONDAY);

        assertThat(sent.count("Query")).isZero();
        assertThat(sent.count("BatchWriteItem")).isZero();
        assertThat(catalog.boughtWith(tea, 5)).containsExactly(new CoPurchase(cup, 2));
    }

    @Test
    void recordPurchase_checksAProductOncePerOrder_howeverManyPartnersItGained() {
        List<String> ids = Stream.of("a", "b", "c", "d", "e", "f").map(Fixtures::unique).toList();

        catalog.recordPurchase(ids.stream().map(id -> line(id, id, "1000")).toList(), MONDAY);

        assertThat(sent.count("UpdateItem")).isEqualTo(6 + 6 * 5);
        assertThat(sent.count("Query")).isEqualTo(6);
    }

    @Test
    void recordPurchase_keepsAProductAtTheBound_whenItIsExactlyFull() {
        String hub = unique("hub");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < 49; i++) {
            counts.put(String.format("old-%02d", i), 3L);
        }
        storePartners(hub, counts);
        String newcomer = unique("new");
        sent.clear();

        catalog.recordPurchase(List.of(line(hub, "hub", "1000"), line(newcomer, "new", "1000")), MONDAY);

        assertThat(storedPartners(hub)).hasSize(50).containsEntry(newcomer, 1L);
        assertThat(sent.count("BatchWriteItem")).isZero();
    }

    @Test
    void recordPurchase_trimsAPartitionWrittenBeforeTheBound_twentyFiveDeletesARequest() {
        String hub = unique("hub");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < 80; i++) {
            counts.put(String.format("old-%02d", i), (long) (i % 7) + 1);
        }
        storePartners(hub, counts);
        String newcomer = unique("new");
        sent.clear();

        catalog.recordPurchase(List.of(line(hub, "hub", "1000"), line(newcomer, "new", "1000")), MONDAY);

        counts.put(newcomer, 1L);
        assertThat(storedPartners(hub)).isEqualTo(topFifty(counts));
        assertThat(sent.requests(BatchWriteItemRequest.class))
                .extracting(batch -> batch.requestItems().get(table).size())
                .containsExactly(25, 6);
    }

    @Test
    void recordPurchase_sendsDeletesLeftUnprocessedAgain() {
        String hub = unique("hub");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < 53; i++) {
            counts.put(String.format("old-%02d", i), (long) i + 2);
        }
        storePartners(hub, counts);
        throttle.leaveHalfOfNextWritesUnprocessed(2);
        sent.clear();

        catalog.recordPurchase(List.of(line(hub, "hub", "1000"), line(unique("new"), "new", "1000")), MONDAY);

        assertThat(storedPartners(hub)).isEqualTo(topFifty(counts));
        assertThat(sent.requests(BatchWriteItemRequest.class))
                .extracting(batch -> batch.requestItems().get(table).size())
                .containsExactly(4, 2, 1);
    }

    @Test
    void meter_countsTheCheckAndTheTrim() {
        String hub = unique("hub");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            counts.put(String.format("old-%02d", i), 2L);
        }
        storePartners(hub, counts);
        CapacityMeter.Snapshot before = meter.snapshot();

        catalog.recordPurchase(List.of(line(hub, "hub", "1000"), line(unique("new"), "new", "1000")), MONDAY);

        CapacityMeter.Snapshot used = meter.snapshot().minus(before);
        assertThat(used.operations()).containsOnlyKeys("UpdateItem", "Query", "BatchWriteItem");
        assertThat(used.operation("UpdateItem").calls()).isEqualTo(4);
        assertThat(used.operation("Query").calls()).isEqualTo(2);
        assertThat(used.operation("BatchWriteItem")).isEqualTo(new CapacityMeter.Usage(1, 0, 1));
    }

    /** Co-purchase items written directly, 25 a request, as a partition grown before the bound would be. */
    private static void storePartners(String productId, Map<String, Long> counts) {
        List<WriteRequest> writes = counts.entrySet().stream()
                .map(partner -> WriteRequest.builder().putRequest(put -> put.item(Map.of(
                        "pk", AttributeValue.fromS("P#" + productId),
                        "sk", AttributeValue.fromS("CO#" + partner.getKey()),
                        "count", AttributeValue.fromN(Long.toString(partner.getValue()))))).build())
                .toList();
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
            raw.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        }
    }

    /** Every co-purchase count stored for the product, read consistently and apart from the adapter. */
    private static Map<String, Long> storedPartners(String productId) {
        Map<String, Long> stored = new LinkedHashMap<>();
        raw.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :co)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS("P#" + productId), ":co", AttributeValue.fromS("CO#"))))
                .items()
                .forEach(item -> stored.put(item.get("sk").s().substring(3), Long.valueOf(item.get("count").n())));
        return stored;
    }

    /** The model: the first fifty by count, then by id, as boughtWith ranks them. */
    private static Map<String, Long> topFifty(Map<String, Long> counts) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(SingleTable.MAX_PARTNERS)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static Map<String, AttributeValue> coKey(String productId, String partnerId) {
        return Map.of("pk", AttributeValue.fromS("P#" + productId), "sk", AttributeValue.fromS("CO#" + partnerId));
    }
}
