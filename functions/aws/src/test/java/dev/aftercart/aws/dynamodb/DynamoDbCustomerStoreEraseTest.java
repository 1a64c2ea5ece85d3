package dev.aftercart.aws.dynamodb;

import static dev.aftercart.aws.dynamodb.Fixtures.koreanOrder;
import static dev.aftercart.aws.dynamodb.Fixtures.koreanProfile;
import static dev.aftercart.aws.dynamodb.Fixtures.plannedEmail;
import static dev.aftercart.aws.dynamodb.Fixtures.sentSms;
import static dev.aftercart.aws.dynamodb.Fixtures.thaiProfile;
import static dev.aftercart.aws.dynamodb.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link DynamoDbCustomerStore#erase}, the right to erasure, against DynamoDB Local: everything in
 * the customer's partition goes (profile, orders, ledger), nothing of anyone else's does.
 */
class DynamoDbCustomerStoreEraseTest {

    private static final RecordingInterceptor sent = new RecordingInterceptor();
    private static final UnprocessedKeysInterceptor throttle = new UnprocessedKeysInterceptor();
    private static final CapacityMeter meter = new CapacityMeter();
    private static String table;
    private static DynamoDbClient client;
    private static DynamoDbClient raw;
    private static DynamoDbCustomerStore store;
    private static DynamoDbMessageLedger ledger;

    @BeforeAll
    static void createTable() {
        table = LocalDynamoDb.createTable("customer-erase-test");
        client = LocalDynamoDb.client(sent, throttle);
        raw = LocalDynamoDb.client();
        store = new DynamoDbCustomerStore(client, table, meter);
        ledger = new DynamoDbMessageLedger(raw, table, meter);
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
    void erase_deletesProfileOrdersAndLedger_ofThatCustomerOnly() {
        String customerId = unique("c");
        // The same id with a suffix: a prefix match on the partition would take this customer too.
        String neighbour = customerId + "0";
        storeEverything(customerId, "o-1", "o-2", "m-1", "m-2");
        storeEverything(neighbour, "o-1", "o-2", "m-1", "m-2");

        int deleted = store.erase(customerId);

        assertThat(deleted).isEqualTo(5);
        assertThat(partition(customerId)).isEmpty();
        assertThat(partition(neighbour)).containsExactly("M#m-1", "M#m-2", "O#o-1", "O#o-2", "PROFILE");
        assertThat(store.profile(customerId)).isEmpty();
        assertThat(store.profile(neighbour)).isPresent();
    }

    @Test
    void erase_readsTheKeysWithOneConsistentKeysOnlyQuery_andDeletesThemInOneBatch() {
        String customerId = unique("c");
        storeEverything(customerId, "o-1", "o-2", "m-1", "m-2");
        sent.clear();

        store.erase(customerId);

        assertThat(sent.calls()).extracting(RecordingInterceptor.Call::operation)
                .containsExactly("Query", "BatchWriteItem");
        QueryRequest query = sent.requests(QueryRequest.class).get(0);
        assertThat(query.tableName()).isEqualTo(table);
        assertThat(query.indexName()).isNull();
        assertThat(query.keyConditionExpression()).isEqualTo("pk = :pk");
        assertThat(query.expressionAttributeValues()).isEqualTo(Map.of(":pk", AttributeValue.fromS("C#" + customerId)));
        assertThat(query.projectionExpression()).isEqualTo("pk, sk");
        assertThat(query.consistentRead()).isTrue();
        assertThat(query.returnConsumedCapacity()).isEqualTo(ReturnConsumedCapacity.TOTAL);
        BatchWriteItemRequest batch = sent.requests(BatchWriteItemRequest.class).get(0);
        assertThat(batch.returnConsumedCapacity()).isEqualTo(ReturnConsumedCapacity.TOTAL);
        assertThat(batch.requestItems()).containsOnlyKeys(table);
        assertThat(batch.requestItems().get(table)).containsExactly(
                delete(customerId, "M#m-1"), delete(customerId, "M#m-2"), delete(customerId, "O#o-1"),
                delete(customerId, "O#o-2"), delete(customerId, "PROFILE"));
    }

    @Test
    void erase_removesTheCustomerFromThePhoneIndex() {
        String customerId = unique("c");
        String sharer = unique("c");
        store.saveProfile(phone(koreanProfile(customerId), "+14155550777"), 0);
        store.saveProfile(phone(thaiProfile(sharer), "+14155550777"), 0);

        store.erase(customerId);

        assertThat(store.customerIdsForPhone("+14155550777")).containsExactly(sharer);
    }

    @Test
    void erase_again_findsNothing_deletesNothing_andReturnsZero() {
        String customerId = unique("c");
        storeEverything(customerId, "o-1", "o-2", "m-1", "m-2");
        store.erase(customerId);
        sent.clear();

        int deleted = store.erase(customerId);

        assertThat(deleted).isZero();
        assertThat(sent.calls()).extracting(RecordingInterceptor.Call::operation).containsExactly("Query");
    }

    @Test
    void erase_ofACustomerNeverSeen_returnsZero() {
        assertThat(store.erase(unique("c"))).isZero();
        assertThat(sent.count("BatchWriteItem")).isZero();
    }

    @Test
    void erase_deletesMoreThan25Items_in25ItemBatches() {
        String customerId = unique("c");
        store.saveProfile(koreanProfile(customerId), 0);
        IntStream.range(0, 30).forEach(i -> ledger.insert(plannedEmail(customerId, String.format("m-%02d", i))));
        sent.clear();

        int deleted = store.erase(customerId);

        assertThat(deleted).isEqualTo(31);
        assertThat(partition(customerId)).isEmpty();
        assertThat(sent.requests(BatchWriteItemRequest.class))
                .extracting(batch -> batch.requestItems().get(table).size())
                .containsExactly(25, 6);
    }

    @Test
    void erase_followsEveryPageOfTheQuery() {
        String customerId = unique("c");
        storeEverything(customerId, "o-1", "o-2", "m-1", "m-2");
        DynamoDbCustomerStore pagingStore = new DynamoDbCustomerStore(new MeteredTable(client, table, meter, 2));
        sent.clear();

        int deleted = pagingStore.erase(customerId);

        assertThat(deleted).isEqualTo(5);
        assertThat(partition(customerId)).isEmpty();
        assertThat(sent.requests(QueryRequest.class)).hasSize(3)
                .allSatisfy(query -> assertThat(query.consistentRead()).isTrue());
    }

    @Test
    void erase_sendsAgainWhatDynamoDbLeftUnprocessed() {
        String customerId = unique("c");
        storeEverything(customerId, "o-1", "o-2", "m-1", "m-2");
        throttle.leaveHalfOfNextWritesUnprocessed(1);
        sent.clear();

        int deleted = store.erase(customerId);

        assertThat(deleted).isEqualTo(5);
        assertThat(partition(customerId)).isEmpty();
        List<BatchWriteItemRequest> batches = sent.requests(BatchWriteItemRequest.class);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1).requestItems().get(table))
                .containsExactly(delete(customerId, "M#m-1"), delete(customerId, "M#m-2"));
    }

    @Test
    void eraseIamActions_areExactlyTheOperationsEraseCalls() {
        String customerId = unique("c");
        storeEverything(customerId, "o-1", "o-2", "m-1", "m-2");
        sent.clear();

        store.erase(customerId);

        assertThat(sent.iamActions()).containsExactlyInAnyOrderElementsOf(DynamoDbCustomerStore.ERASE_IAM_ACTIONS);
    }

    /** A profile, two orders and two ledger entries, the last written by the real ledger adapter. */
    private static void storeEverything(String customerId, String order1, String order2, String message1,
            String message2) {
        store.saveProfile(koreanProfile(customerId), 0);
        store.saveOrder(koreanOrder(customerId, order1), 0);
        store.saveOrder(koreanOrder(customerId, order2), 0);
        ledger.insert(plannedEmail(customerId, message1));
        ledger.insert(sentSms(customerId, message2));
    }

    private static CustomerProfile phone(CustomerProfile p, String phone) {
        return new CustomerProfile(p.customerId(), p.email(), phone, p.firstName(),
                p.locale(), p.timeZone(), p.region(), p.consent(), p.suppression(), p.loyalty(), p.engagement(),
                p.subscriptions(), p.updatedAt(), p.version());
    }

    private static WriteRequest delete(String customerId, String sortKey) {
        return WriteRequest.builder().deleteRequest(d -> d.key(Map.of(
                "pk", AttributeValue.fromS("C#" + customerId), "sk", AttributeValue.fromS(sortKey)))).build();
    }

    /** The sort keys left in the customer's partition, read consistently and in key order. */
    private static List<String> partition(String customerId) {
        return raw.query(q -> q.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("C#" + customerId))))
                .items().stream()
                .map(item -> item.get("sk").s())
                .toList();
    }
}
