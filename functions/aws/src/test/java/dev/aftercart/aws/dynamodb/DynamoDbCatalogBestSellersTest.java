package dev.aftercart.aws.dynamodb;

import static dev.aftercart.aws.dynamodb.Fixtures.thaiProduct;
import static dev.aftercart.aws.dynamodb.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.LineItem;
import dev.aftercart.core.event.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The {@code byCategory} index as {@link DynamoDbCatalog} writes and reads it, on DynamoDB Local. */
class DynamoDbCatalogBestSellersTest {

    private static final Instant MONDAY = Instant.parse("2025-03-03T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2025-03-04T10:00:00Z");
    private static final RecordingInterceptor sent = new RecordingInterceptor();
    private static final CapacityMeter meter = new CapacityMeter();
    private static String table;
    private static DynamoDbClient client;
    private static DynamoDbClient raw;
    private static DynamoDbCatalog catalog;

    @BeforeAll
    static void createTable() {
        table = LocalDynamoDb.createTable("catalog-best-sellers-test");
        client = LocalDynamoDb.client(sent);
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

    // --- filing products under their category ---

    @Test
    void saveProduct_filesTheProductUnderItsCategory() {
        Product product = thaiProduct(unique("p"), MONDAY);

        catalog.saveProduct(product);

        assertThat(rawMeta(product.productId()).get("categoryKey")).isEqualTo(AttributeValue.fromS("CAT#skincare"));
        UpdateItemRequest update = sent.requests(UpdateItemRequest.class).get(0);
        assertThat(update.updateExpression()).contains("#categoryKey = :categoryKey");
        assertThat(update.expressionAttributeNames()).containsEntry("#categoryKey", "categoryKey");
    }

    @Test
    void saveProduct_takesTheProductOutOfTheIndex_whenItsCategoryIsRemoved() {
        String productId = unique("p");
        String category = unique("cat");
        ordered(productId, category, 2);
        catalog.saveProduct(describedIn(productId, category, MONDAY));

        catalog.saveProduct(describedIn(productId, null, TUESDAY));

        assertThat(rawMeta(productId)).doesNotContainKeys("category", "categoryKey");
        assertThat(rawMeta(productId).get("orderCount").n()).isEqualTo("2");
        assertThat(catalog.bestSellers(category, 5)).isEmpty();
    }

    @Test
    void saveProduct_movesTheProductToItsNewCategory_keepingItsOrderCount() {
        String productId = unique("p");
        String tea = unique("tea");
        String gifts = unique("gifts");
        ordered(productId, tea, 3);

        catalog.saveProduct(describedIn(productId, gifts, MONDAY));

        assertThat(catalog.bestSellers(gifts, 5)).containsExactly(productId);
        assertThat(catalog.bestSellers(tea, 5)).isEmpty();
    }

    @Test
    void recordPurchase_filesTheProductUnderTheLinesCategory_whenItHasNone() {
        String productId = unique("p");
        String category = unique("cat");

        catalog.recordPurchase(List.of(lineIn(productId, category)), MONDAY);

        Map<String, AttributeValue> meta = rawMeta(productId);
        assertThat(meta.get("categoryKey")).isEqualTo(AttributeValue.fromS("CAT#" + category));
        assertThat(meta.get("orderCount")).isEqualTo(AttributeValue.fromN("1"));
        assertThat(sent.requests(UpdateItemRequest.class).get(0).updateExpression())
                .contains("#categoryKey = if_not_exists(#categoryKey, :categoryKey)");
    }

    @Test
    void recordPurchase_neverMovesTheProductOutOfTheCatalogsCategory() {
        String productId = unique("p");
        String catalogCategory = unique("cat");
        catalog.saveProduct(describedIn(productId, catalogCategory, MONDAY));

        catalog.recordPurchase(List.of(lineIn(productId, unique("other"))), TUESDAY);

        assertThat(rawMeta(productId).get("categoryKey")).isEqualTo(AttributeValue.fromS("CAT#" + catalogCategory));
        assertThat(catalog.bestSellers(catalogCategory, 5)).containsExactly(productId);
    }

    @Test
    void recordPurchase_leavesAProductWithoutCategoryOutOfTheIndex() {
        String productId = unique("p");

        catalog.recordPurchase(List.of(lineIn(productId, null)), MONDAY);

        assertThat(rawMeta(productId)).doesNotContainKeys("category", "categoryKey").containsKey("orderCount");
    }

    // --- reading best sellers ---

    @Test
    void bestSellers_ranksTheCategoryByOrders_thenById_andTakesTheLimit() {
        String category = unique("cat");
        String a = "a-" + category;
        String b = "b-" + category;
        String c = "c-" + category;
        String d = "d-" + category;
        ordered(b, category, 1);
        ordered(d, category, 2);
        ordered(a, category, 3);
        ordered(c, category, 2);
        ordered(unique("elsewhere"), unique("cat"), 9);
        sent.clear();

        assertThat(catalog.bestSellers(category, 3)).containsExactly(a, c, d);
        assertThat(catalog.bestSellers(category, 10)).containsExactly(a, c, d, b);
    }

    @Test
    void bestSellers_queriesTheCategoryIndexDescending_askingForTheLimitAndTheTiesPastIt() {
        String category = unique("cat");
        ordered(unique("p"), category, 1);
        sent.clear();

        catalog.bestSellers(category, 4);

        QueryRequest query = sent.requests(QueryRequest.class).get(0);
        assertThat(query.indexName()).isEqualTo("byCategory");
        assertThat(query.keyConditionExpression()).isEqualTo("#categoryKey = :categoryKey");
        assertThat(query.expressionAttributeNames()).isEqualTo(Map.of("#categoryKey", "categoryKey"));
        assertThat(query.expressionAttributeValues())
                .isEqualTo(Map.of(":categoryKey", AttributeValue.fromS("CAT#" + category)));
        assertThat(query.scanIndexForward()).isFalse();
        assertThat(query.limit()).isEqualTo(4 + DynamoDbCatalog.BEST_SELLER_TIES_READ);
        assertThat(query.consistentRead()).isNull();
        assertThat(sent.count("Query")).isEqualTo(1);
    }

    @Test
    void bestSellers_readsOnPastTheProductsTiedAtTheLimit_toRankThemById() {
        String category = unique("cat");
        List<String> tied = List.of("q-" + category, "m-" + category, "z-" + category, "b-" + category);
        String top = "top-" + category;
        ordered(top, category, 3);
        tied.forEach(id -> ordered(id, category, 1));
        DynamoDbCatalog paging = new DynamoDbCatalog(new MeteredTable(client, table, meter, 2));
        sent.clear();

        List<String> best = paging.bestSellers(category, 2);

        assertThat(best).containsExactly(top, "b-" + category);
        assertThat(sent.count("Query")).isEqualTo(3);
    }

    @Test
    void bestSellers_stopsReading_onceTheCountDropsBelowTheLimitsCount() {
        String category = unique("cat");
        ordered("a-" + category, category, 4);
        ordered("b-" + category, category, 3);
        for (int i = 0; i < 4; i++) {
            ordered("c" + i + "-" + category, category, 1);
        }
        DynamoDbCatalog paging = new DynamoDbCatalog(new MeteredTable(client, table, meter, 2));
        sent.clear();

        List<String> best = paging.bestSellers(category, 1);

        assertThat(best).containsExactly("a-" + category);
        assertThat(sent.count("Query")).isEqualTo(1);
    }

    @Test
    void bestSellers_leavesOutProductsNeverOrdered() {
        String category = unique("cat");
        String sold = unique("sold");
        ordered(sold, category, 1);
        catalog.saveProduct(describedIn(unique("unsold"), category, MONDAY));

        assertThat(catalog.bestSellers(category, 5)).containsExactly(sold);
    }

    @Test
    void bestSellers_isEmpty_forUnknownCategory_noCategory_orNoRoom_withoutAsking() {
        assertThat(catalog.bestSellers(unique("cat"), 5)).isEmpty();
        sent.clear();

        assertThat(catalog.bestSellers(null, 5)).isEmpty();
        assertThat(catalog.bestSellers("tea", 0)).isEmpty();
        assertThat(sent.calls()).isEmpty();
    }

    /** {@code orders} single-product orders of the product, which files it under {@code category}. */
    private static void ordered(String productId, String category, int orders) {
        for (int i = 0; i < orders; i++) {
            catalog.recordPurchase(List.of(lineIn(productId, category)), MONDAY);
        }
    }

    private static LineItem lineIn(String productId, String category) {
        return new LineItem(productId, null, "상품 " + productId, category, 1, Money.of("1000", "KRW"), null, null, null);
    }

    private static Product describedIn(String productId, String category, Instant at) {
        return new Product(productId, "เซรั่ม", category, null, null, Money.of("890.00", "THB"), null, null, true, at);
    }

    private static Map<String, AttributeValue> rawMeta(String productId) {
        return raw.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("P#" + productId), "sk", AttributeValue.fromS("META")))).item();
    }
}
