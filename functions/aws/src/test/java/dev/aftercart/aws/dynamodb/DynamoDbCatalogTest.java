package dev.aftercart.aws.dynamodb;

import static dev.aftercart.aws.dynamodb.Fixtures.line;
import static dev.aftercart.aws.dynamodb.Fixtures.thaiProduct;
import static dev.aftercart.aws.dynamodb.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CoPurchase;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class DynamoDbCatalogTest {

    private static final Instant MONDAY = Instant.parse("2025-03-03T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2025-03-04T10:00:00Z");
    private static final RecordingInterceptor sent = new RecordingInterceptor();
    private static final UnprocessedKeysInterceptor throttle = new UnprocessedKeysInterceptor();
    private static final CapacityMeter meter = new CapacityMeter();
    private static String table;
    private static DynamoDbClient client;
    private static DynamoDbClient raw;
    private static DynamoDbCatalog catalog;

    @BeforeAll
    static void createTable() {
        table = LocalDynamoDb.createTable("catalog-test");
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

    // --- the catalog's own descriptions ---

    @Test
    void product_roundTripsEveryField_withThaiText() {
        Product product = thaiProduct(unique("p"), MONDAY);

        assertThat(catalog.saveProduct(product)).isTrue();

        assertThat(catalog.product(product.productId())).contains(product);
    }

    @Test
    void product_roundTripsRetiredProduct_withOptionalFieldsUnset() {
        Product product = new Product(unique("p"), "단종 상품", null, null, null, null, null, null, false, MONDAY);

        catalog.saveProduct(product);

        assertThat(catalog.product(product.productId())).contains(product);
        assertThat(rawMeta(product.productId()))
                .doesNotContainKeys("category", "url", "imageUrl", "price", "usageDays", "replenishAfterDays");
    }

    @Test
    void product_isEmpty_whenUnknown() {
        assertThat(catalog.product(unique("p"))).isEmpty();
    }

    @Test
    void saveProduct_sendsUpdateThatKeepsTheNewestDescription() {
        Product product = thaiProduct(unique("p"), MONDAY);

        catalog.saveProduct(product);

        UpdateItemRequest update = sent.requests(UpdateItemRequest.class).get(0);
        assertThat(update.conditionExpression())
                .isEqualTo("attribute_not_exists(#catalogUpdatedAt) OR #catalogUpdatedAt < :catalogUpdatedAt");
        assertThat(update.expressionAttributeValues().get(":catalogUpdatedAt"))
                .isEqualTo(AttributeValue.fromS("2025-03-03T10:00:00.000000000Z"));
        assertThat(update.expressionAttributeValues().get(":price")).isEqualTo(AttributeValue.fromM(Map.of(
                "amount", AttributeValue.fromS("890.00"), "currency", AttributeValue.fromS("THB"))));
        assertThat(update.updateExpression()).startsWith("SET ").doesNotContain("orderCount", "REMOVE");
    }

    @Test
    void saveProduct_ignoresOlderUpdate() {
        String productId = unique("p");
        Product tuesday = thaiProduct(productId, TUESDAY);
        catalog.saveProduct(tuesday);

        boolean saved = catalog.saveProduct(new Product(productId, "older name", null, null, null, null, 7, null,
                false, MONDAY));

        assertThat(saved).isFalse();
        assertThat(catalog.product(productId)).contains(tuesday);
    }

    @Test
    void saveProduct_ignoresRepeatOfTheSameUpdate() {
        Product product = thaiProduct(unique("p"), MONDAY);
        catalog.saveProduct(product);

        assertThat(catalog.saveProduct(product)).isFalse();
    }

    @Test
    void saveProduct_appliesNewerUpdate_andRemovesFieldsItNoLongerGives() {
        String productId = unique("p");
        catalog.saveProduct(thaiProduct(productId, MONDAY));
        Product newer = new Product(productId, "เซรั่ม", "skincare", null, null, Money.of("790.00", "THB"), 30, null,
                true, TUESDAY);

        boolean saved = catalog.saveProduct(newer);

        assertThat(saved).isTrue();
        assertThat(catalog.product(productId)).contains(newer);
    }

    @Test
    void saveProduct_acceptsUpdateHalfASecondNewer_comparingTimesNotTheirSpelling() {
        String productId = unique("p");
        catalog.saveProduct(thaiProduct(productId, MONDAY));

        boolean saved = catalog.saveProduct(thaiProduct(productId, MONDAY.plusMillis(500)));

        assertThat(saved).isTrue();
        assertThat(catalog.product(productId).orElseThrow().updatedAt()).isEqualTo(MONDAY.plusMillis(500));
    }

    @Test
    void saveProduct_keepsOrderCountsAndCoPurchases() {
        String tea = unique("tea");
        String cup = unique("cup");
        catalog.recordPurchase(List.of(line(tea, "녹차", "15000"), line(cup, "찻잔", "9000")), MONDAY);

        catalog.saveProduct(thaiProduct(tea, TUESDAY));

        assertThat(rawMeta(tea).get("orderCount").n()).isEqualTo("1");
        assertThat(rawMeta(tea).get("firstOrderedAt").s()).isEqualTo("2025-03-03T10:00:00.000000000Z");
        assertThat(catalog.boughtWith(tea, 10)).containsExactly(new CoPurchase(cup, 1));
    }

    // --- what orders teach the catalog ---

    @Test
    void recordPurchase_describesProductTheCatalogHasNot() {
        String productId = unique("p");
        LineItem item = new LineItem(productId, "sku", "유기농 녹차", "tea", 3, Money.of("15000", "KRW"),
                Money.of("18000", "KRW"), "https://shop.example/p/tea", "https://cdn.example/tea.jpg");

        catalog.recordPurchase(List.of(item), MONDAY);

        assertThat(catalog.product(productId)).contains(new Product(productId, "유기농 녹차", "tea",
                "https://shop.example/p/tea", "https://cdn.example/tea.jpg", Money.of("15000", "KRW"), null, null,
                true, MONDAY));
    }

    @Test
    void recordPurchase_neverOverridesTheCatalogsDescription() {
        Product described = thaiProduct(unique("p"), MONDAY);
        catalog.saveProduct(described);

        catalog.recordPurchase(List.of(new LineItem(described.productId(), "sku", "name on the order", "other",
                1, Money.of("1.00", "THB"), null, "https://elsewhere", "https://elsewhere/img")), TUESDAY);

        assertThat(catalog.product(described.productId())).contains(described);
        assertThat(rawMeta(described.productId()).get("orderCount").n()).isEqualTo("1");
    }

    @Test
    void saveProduct_replacesTheDescriptionAnOrderGave() {
        String productId = unique("p");
        catalog.recordPurchase(List.of(line(productId, "name on the order", "15000")), MONDAY);
        Product described = thaiProduct(productId, TUESDAY);

        boolean saved = catalog.saveProduct(described);

        assertThat(saved).isTrue();
        assertThat(catalog.product(productId)).contains(described);
    }

    @Test
    void recordPurchase_countsEachPairOnce() {
        String tea = unique("tea");
        String cup = unique("cup");
        String pot = unique("pot");

        catalog.recordPurchase(List.of(line(tea, "녹차", "15000"), line(cup, "찻잔", "9000"),
                line(tea, "녹차", "15000"), line(pot, "주전자", "30000")), MONDAY);

        assertThat(catalog.boughtWith(tea, 10)).containsExactlyInAnyOrder(new CoPurchase(cup, 1), new CoPurchase(pot, 1));
        assertThat(catalog.boughtWith(cup, 10)).containsExactlyInAnyOrder(new CoPurchase(tea, 1), new CoPurchase(pot, 1));
        assertThat(catalog.boughtWith(pot, 10)).containsExactlyInAnyOrder(new CoPurchase(tea, 1), new CoPurchase(cup, 1));
        assertThat(rawMeta(tea).get("orderCount").n()).isEqualTo("1");
        assertThat(sent.count("UpdateItem")).isEqualTo(3 + 6);
    }

    @Test
    void recordPurchase_addsUpAcrossOrders() {
        String tea = unique("tea");
        String cup = unique("cup");

        catalog.recordPurchase(List.of(line(tea, "녹차", "15000"), line(cup, "찻잔", "9000")), MONDAY);
        catalog.recordPurchase(List.of(line(cup, "찻잔", "9000"), line(tea, "녹차", "15000")), TUESDAY);

        assertThat(catalog.boughtWith(tea, 10)).containsExactly(new CoPurchase(cup, 2));
        assertThat(rawMeta(tea).get("orderCount").n()).isEqualTo("2");
        assertThat(catalog.product(tea).orElseThrow().updatedAt()).isEqualTo(MONDAY);
    }

    @Test
    void recordPurchase_recordsOnlyTheFirstSixDistinctProducts() {
        List<String> ids = IntStream.range(0, 8).mapToObj(i -> unique("p" + i)).toList();

        catalog.recordPurchase(ids.stream().map(id -> line(id, "상품", "1000")).toList(), MONDAY);

        assertThat(sent.count("UpdateItem")).isEqualTo(6 + 6 * 5);
        assertThat(catalog.products(ids)).containsOnlyKeys(ids.subList(0, 6));
        assertThat(catalog.boughtWith(ids.get(0), 10)).extracting(CoPurchase::productId)
                .containsExactlyInAnyOrderElementsOf(ids.subList(1, 6));
    }

    @Test
    void recordPurchase_writesNothing_forOrderWithoutItems() {
        catalog.recordPurchase(List.of(), MONDAY);

        assertThat(sent.calls()).isEmpty();
    }

    // --- reading co-purchases and products ---

    @Test
    void boughtWith_ranksByCountThenId_andTakesTheLimit() {
        String tea = unique("tea");
        String a = "a-" + tea;
        String b = "b-" + tea;
        String c = "c-" + tea;
        catalog.recordPurchase(List.of(line(tea, "tea", "1"), line(c, "c", "1")), MONDAY);
        catalog.recordPurchase(List.of(line(tea, "tea", "1"), line(c, "c", "1"), line(b, "b", "1")), MONDAY);
        catalog.recordPurchase(List.of(line(tea, "tea", "1"), line(a, "a", "1")), MONDAY);

        assertThat(catalog.boughtWith(tea, 2)).containsExactly(new CoPurchase(c, 2), new CoPurchase(a, 1));
        assertThat(catalog.boughtWith(tea, 10))
                .containsExactly(new CoPurchase(c, 2), new CoPurchase(a, 1), new CoPurchase(b, 1));
    }

    @Test
    void boughtWith_readsEveryPage() {
        String tea = unique("tea");
        List<String> others = IntStream.range(0, 5).mapToObj(i -> "other-" + i).toList();
        catalog.recordPurchase(Stream.concat(Stream.of(tea), others.stream()).map(id -> line(id, id, "1")).toList(),
                MONDAY);
        DynamoDbCatalog paging = new DynamoDbCatalog(new MeteredTable(client, table, meter, 2));
        sent.clear();

        List<CoPurchase> bought = paging.boughtWith(tea, 10);

        assertThat(bought).extracting(CoPurchase::productId).containsExactlyElementsOf(others);
        assertThat(sent.count("Query")).isEqualTo(3);
    }

    @Test
    void boughtWith_isEmpty_forProductNeverBoughtWithAnother() {
        String tea = unique("tea");
        catalog.recordPurchase(List.of(line(tea, "녹차", "15000")), MONDAY);

        assertThat(catalog.boughtWith(tea, 5)).isEmpty();
        assertThat(catalog.boughtWith(unique("p"), 5)).isEmpty();
    }

    @Test
    void products_returnsTheKnownOnes_askingForAHundredKeysARequest() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            known.add(unique("p"));
        }
        writeBareProducts(known);
        List<String> asked = new ArrayList<>(known);
        asked.add(unique("unknown"));
        asked.add(known.get(0));
        sent.clear();

        Map<String, Product> products = catalog.products(asked);

        assertThat(products).containsOnlyKeys(known);
        assertThat(products.get(known.get(7))).isEqualTo(
                new Product(known.get(7), "bare", null, null, null, null, null, null, true, MONDAY));
        assertThat(sent.requests(BatchGetItemRequest.class)).extracting(r -> r.requestItems().get(table).keys().size())
                .containsExactly(100, 100, 31);
    }

    @Test
    void products_asksAgainForKeysLeftUnprocessed() {
        List<String> ids = IntStream.range(0, 10).mapToObj(i -> unique("p")).toList();
        ids.forEach(id -> catalog.saveProduct(thaiProduct(id, MONDAY)));
        throttle.withholdHalfOfNextResponses(2);
        sent.clear();

        Map<String, Product> products = catalog.products(ids);

        assertThat(products).containsOnlyKeys(ids);
        assertThat(sent.requests(BatchGetItemRequest.class)).extracting(r -> r.requestItems().get(table).keys().size())
                .containsExactly(10, 5, 2);
    }

    @Test
    void products_sendsNothing_whenAskedForNone() {
        assertThat(catalog.products(List.of())).isEmpty();
        assertThat(sent.calls()).isEmpty();
    }

    // --- the wire contract ---

    @Test
    void iamActions_areExactlyTheOperationsItCalls() {
        exerciseEveryMethod();

        assertThat(sent.iamActions()).containsExactlyInAnyOrderElementsOf(DynamoDbCatalog.IAM_ACTIONS);
    }

    @Test
    void everyRequest_asksForTotalConsumedCapacity() {
        exerciseEveryMethod();

        assertThat(sent.calls()).isNotEmpty().allSatisfy(call -> assertThat(
                call.request().getValueForField("ReturnConsumedCapacity", String.class))
                .as(call.operation()).contains("TOTAL"));
    }

    @Test
    void meter_addsUpCapacityOfEveryWriteOfAnOrder() {
        CapacityMeter.Snapshot before = meter.snapshot();

        catalog.recordPurchase(List.of(line(unique("a"), "a", "1"), line(unique("b"), "b", "1")), MONDAY);

        // Two descriptions and two pair counts; each product gained a partner, so each is checked once.
        CapacityMeter.Snapshot used = meter.snapshot().minus(before);
        assertThat(used.operations()).containsOnlyKeys("UpdateItem", "Query");
        assertThat(used.operation("UpdateItem")).isEqualTo(new CapacityMeter.Usage(4, 0, 4));
        assertThat(used.operation("Query")).isEqualTo(new CapacityMeter.Usage(2, 2, 0));
    }

    /** Every method, and a product pushed past its partner bound, so every operation the adapter has is sent. */
    private static void exerciseEveryMethod() {
        String tea = unique("tea");
        String cup = unique("cup");
        catalog.saveProduct(thaiProduct(tea, MONDAY));
        catalog.recordPurchase(List.of(line(tea, "녹차", "15000"), line(cup, "찻잔", "9000")), MONDAY);
        catalog.product(tea);
        catalog.products(List.of(tea, cup));
        catalog.boughtWith(tea, 5);
        catalog.bestSellers("skincare", 5);
        writeCoPurchases(tea, SingleTable.MAX_PARTNERS);
        catalog.recordPurchase(List.of(line(tea, "녹차", "15000"), line(unique("pot"), "주전자", "30000")), MONDAY);
    }

    /** Co-purchase counts of 1 with {@code partners} made-up products, written directly, 25 a request. */
    private static void writeCoPurchases(String productId, int partners) {
        List<WriteRequest> writes = IntStream.range(0, partners)
                .mapToObj(i -> WriteRequest.builder().putRequest(put -> put.item(Map.of(
                        "pk", AttributeValue.fromS("P#" + productId),
                        "sk", AttributeValue.fromS("CO#partner-" + i),
                        "count", AttributeValue.fromN("1")))).build())
                .toList();
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
            raw.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        }
    }

    /** Writes product items directly, 25 a request, to keep a test that needs hundreds fast. */
    private static void writeBareProducts(List<String> ids) {
        for (int from = 0; from < ids.size(); from += 25) {
            List<WriteRequest> writes = ids.subList(from, Math.min(ids.size(), from + 25)).stream()
                    .map(id -> WriteRequest.builder().putRequest(put -> put.item(Map.of(
                            "pk", AttributeValue.fromS("P#" + id),
                            "sk", AttributeValue.fromS("META"),
                            "name", AttributeValue.fromS("bare"),
                            "catalogUpdatedAt", AttributeValue.fromS("2025-03-03T10:00:00.000000000Z")))).build())
                    .toList();
            raw.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        }
    }

    private static Map<String, AttributeValue> rawMeta(String productId) {
        return raw.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("P#" + productId), "sk", AttributeValue.fromS("META")))).item();
    }
}
