package dev.aftercart.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class SingleTableTest {

    private static DynamoDbClient client;

    @BeforeAll
    static void connect() {
        client = LocalDynamoDb.client();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void constants_nameTheKeysIndexAndTimeToLiveTheTemplateMustDeclare() {
        assertThat(SingleTable.PARTITION_KEY).isEqualTo("pk");
        assertThat(SingleTable.SORT_KEY).isEqualTo("sk");
        assertThat(SingleTable.ORDER_INDEX).isEqualTo("byOrder");
        assertThat(SingleTable.ORDER_KEY).isEqualTo("orderKey");
        assertThat(SingleTable.ORDER_INDEX_PROJECTION).isEqualTo(ProjectionType.KEYS_ONLY);
        assertThat(SingleTable.CATEGORY_INDEX).isEqualTo("byCategory");
        assertThat(SingleTable.CATEGORY_KEY).isEqualTo("categoryKey");
        assertThat(SingleTable.ORDER_COUNT).isEqualTo("orderCount");
        assertThat(SingleTable.CATEGORY_INDEX_PROJECTION).isEqualTo(ProjectionType.KEYS_ONLY);
        assertThat(SingleTable.MAX_PARTNERS).isEqualTo(50);
        assertThat(SingleTable.TIME_TO_LIVE).isEqualTo("expiresAt");
        assertThat(SingleTable.BILLING_MODE).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void createTableRequest_declaresStringKeys_orderAndCategoryIndexes_andOnDemandBilling() {
        CreateTableRequest request = SingleTable.createTableRequest("aftercart");

        assertThat(request.tableName()).isEqualTo("aftercart");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.attributeDefinitions()).containsExactlyInAnyOrder(
                stringAttribute("pk"), stringAttribute("sk"), stringAttribute("orderKey"),
                stringAttribute("categoryKey"), stringAttribute("phoneKey"),
                AttributeDefinition.builder().attributeName("orderCount").attributeType(ScalarAttributeType.N).build());
        assertThat(request.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(request.globalSecondaryIndexes()).hasSize(3);
        assertThat(request.globalSecondaryIndexes().get(0)).satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byOrder");
            assertThat(index.keySchema()).containsExactly(key("orderKey", KeyType.HASH));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
            assertThat(index.provisionedThroughput()).isNull();
        });
        assertThat(request.globalSecondaryIndexes().get(1)).satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byCategory");
            assertThat(index.keySchema()).containsExactly(key("categoryKey", KeyType.HASH),
                    key("orderCount", KeyType.RANGE));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
            assertThat(index.projection().nonKeyAttributes()).isEmpty();
            assertThat(index.provisionedThroughput()).isNull();
        });
        assertThat(request.globalSecondaryIndexes().get(2)).satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byPhone");
            assertThat(index.keySchema()).containsExactly(key("phoneKey", KeyType.HASH));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        });
        assertThat(request.provisionedThroughput()).isNull();
    }

    @Test
    void createTableRequest_isAcceptedByDynamoDb() {
        String name = LocalDynamoDb.createTable("single-table-test");

        TableDescription table = client.describeTable(b -> b.tableName(name)).table();

        assertThat(table.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("byOrder", "byCategory", "byPhone");
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void timeToLiveRequest_turnsOnExpiryByExpiresAt() {
        String name = LocalDynamoDb.createTable("single-table-ttl-test");

        client.updateTimeToLive(SingleTable.timeToLiveRequest(name));

        var ttl = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
        assertThat(ttl.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
