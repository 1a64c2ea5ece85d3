package dev.aftercart.aws.dynamodb;

import static dev.aftercart.aws.dynamodb.Fixtures.AT;
import static dev.aftercart.aws.dynamodb.Fixtures.koreanOrder;
import static dev.aftercart.aws.dynamodb.Fixtures.koreanProfile;
import static dev.aftercart.aws.dynamodb.Fixtures.plannedEmail;
import static dev.aftercart.aws.dynamodb.Fixtures.sentSms;
import static dev.aftercart.aws.dynamodb.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.ledger.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

class DynamoDbMessageLedgerTest {

    private static final Instant LATER = Instant.parse("2025-03-01T09:31:00Z");
    private static final RecordingInterceptor sent = new RecordingInterceptor();
    private static final CapacityMeter meter = new CapacityMeter();
    private static String table;
    private static DynamoDbClient client;
    private static DynamoDbClient raw;
    private static DynamoDbMessageLedger ledger;

    @BeforeAll
    static void createTable() {
        table = LocalDynamoDb.createTable("message-ledger-test");
        client = LocalDynamoDb.client(sent);
        raw = LocalDynamoDb.client();
        ledger = new DynamoDbMessageLedger(client, table, meter);
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
    void find_roundTripsEveryField_ofSentSmsWithKoreanSubject() {
        LedgerEntry entry = sentSms(unique("c"), unique("m"));

        assertThat(ledger.insert(entry)).isTrue();

        assertThat(ledger.find(entry.customerId(), entry.messageId())).contains(entry);
    }

    @Test
    void find_roundTripsPlannedEntry_whoseOptionalFieldsAreUnset() {
        LedgerEntry entry = plannedEmail(unique("c"), unique("m"));

        ledger.insert(entry);

        assertThat(ledger.find(entry.customerId(), entry.messageId())).contains(entry);
        Map<String, AttributeValue> item = rawItem(entry);
        assertThat(item).doesNotContainKeys("reason", "scheduleName", "providerMessageId", "smsSegments", "expiresAt");
        assertThat(item.get("status").s()).isEqualTo("planned");
        assertThat(item.get("channel").s()).isEqualTo("email");
        assertThat(item.get("kind").s()).isEqualTo("transactional");
        assertThat(item.get("subject")).isEqualTo(AttributeValue.fromM(Map.of("orderId", AttributeValue.fromS("A-1001"))));
        assertThat(item.get("dueAt").s()).isEqualTo("2025-03-01T09:30:15.123456789Z");
    }

    @Test
    void find_isEmpty_whenMessageUnknown() {
        assertThat(ledger.find(unique("c"), unique("m"))).isEmpty();
    }

    @Test
    void insert_refusesSecondMessageWithSameId() {
        LedgerEntry first = plannedEmail(unique("c"), unique("m"));
        ledger.insert(first);

        boolean inserted = ledger.insert(first.skipped(SkipReason.NO_EMAIL_ADDRESS, LATER));

        assertThat(inserted).isFalse();
        assertThat(ledger.find(first.customerId(), first.messageId())).contains(first);
        assertThat(sent.requests(PutItemRequest.class).get(1).conditionExpression()).isEqualTo("attribute_not_exists(pk)");
    }

    @Test
    void update_replaces_whenVersionMatches() {
        LedgerEntry planned = plannedEmail(unique("c"), unique("m"));
        ledger.insert(planned);
        LedgerEntry scheduled = planned.scheduled("m-schedule", AT.plus(Duration.ofDays(7)), LATER);

        boolean updated = ledger.update(scheduled, planned.version());

        assertThat(updated).isTrue();
        assertThat(ledger.find(planned.customerId(), planned.messageId())).contains(scheduled);
        PutItemRequest put = sent.requests(PutItemRequest.class).get(1);
        assertThat(put.conditionExpression()).isEqualTo("#version = :expectedVersion");
        assertThat(put.expressionAttributeValues()).isEqualTo(Map.of(":expectedVersion", AttributeValue.fromN("1")));
    }

    @Test
    void update_letsOnlyOneOfTwoDispatchersClaimTheMessage() {
        LedgerEntry planned = plannedEmail(unique("c"), unique("m"));
        ledger.insert(planned);
        LedgerEntry firstClaim = planned.claimed(LATER);
        LedgerEntry secondClaim = planned.claimed(LATER.plusSeconds(1));

        boolean first = ledger.update(firstClaim, planned.version());
        boolean second = ledger.update(secondClaim, planned.version());

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(ledger.find(planned.customerId(), planned.messageId())).contains(firstClaim);
    }

    @Test
    void update_returnsFalse_whenEntryMissing() {
        LedgerEntry planned = plannedEmail(unique("c"), unique("m"));

        assertThat(ledger.update(planned.claimed(LATER), planned.version())).isFalse();
        assertThat(ledger.find(planned.customerId(), planned.messageId())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = MessageStatus.class, names = {"SENT", "SKIPPED", "FAILED", "CANCELLED"})
    void update_setsExpiresAt400DaysAfterLastUpdate_whenStatusFinal(MessageStatus status) {
        LedgerEntry claimed = plannedEmail(unique("c"), unique("m")).claimed(AT);
        ledger.insert(claimed);
        LedgerEntry finished = switch (status) {
            case SENT -> claimed.sent("provider-1", null, LATER);
            case SKIPPED -> claimed.skipped(SkipReason.ORDER_CANCELLED, LATER);
            case FAILED -> claimed.failed("throttled", LATER);
            default -> claimed.cancelled("order_cancelled", LATER);
        };

        ledger.update(finished, claimed.version());

        long expected = LATER.plus(Duration.ofDays(400)).getEpochSecond();
        assertThat(rawItem(finished).get("expiresAt")).isEqualTo(AttributeValue.fromN(Long.toString(expected)));
        assertThat(ledger.find(finished.customerId(), finished.messageId())).contains(finished);
    }

    @ParameterizedTest
    @EnumSource(value = MessageStatus.class, names = {"PLANNED", "SCHEDULED", "HELD", "SENDING"})
    void insert_leavesOutExpiresAt_whileStatusIsNotFinal(MessageStatus status) {
        LedgerEntry planned = plannedEmail(unique("c"), unique("m"));
        LedgerEntry entry = switch (status) {
            case PLANNED -> planned;
            case SCHEDULED -> planned.scheduled("s", LATER, LATER);
            case HELD -> planned.held("s", LATER, "quiet_hours", LATER);
            default -> planned.claimed(LATER);
        };

        ledger.insert(entry);

        assertThat(rawItem(entry)).doesNotContainKey("expiresAt");
    }

    @Test
    void forCustomer_returnsEveryEntryAcrossPages_andNothingElseOfTheCustomer() {
        String customerId = unique("c");
        DynamoDbMessageLedger pagingLedger = new DynamoDbMessageLedger(new MeteredTable(client, table, meter, 3));
        List<LedgerEntry> entries = IntStream.range(0, 10)
                .mapToObj(i -> i % 2 == 0 ? plannedEmail(customerId, "m-" + i) : sentSms(customerId, "m-" + i))
                .toList();
        entries.forEach(ledger::insert);
        ledger.insert(plannedEmail(unique("c"), "m-0"));
        DynamoDbCustomerStore customers = new DynamoDbCustomerStore(client, table, meter);
        customers.saveProfile(koreanProfile(customerId), 0);
        customers.saveOrder(koreanOrder(customerId, "o-1"), 0);
        sent.clear();

        List<LedgerEntry> loaded = pagingLedger.forCustomer(customerId);

        assertThat(loaded).containsExactlyInAnyOrderElementsOf(entries);
        assertThat(sent.count("Query")).isEqualTo(4);
    }

    @Test
    void reads_areConsistent_becauseDispatchWritesBackOnTheVersionRead() {
        String customerId = unique("c");

        ledger.find(customerId, unique("m"));
        ledger.forCustomer(customerId);

        assertThat(sent.requests(GetItemRequest.class)).singleElement()
                .satisfies(get -> assertThat(get.consistentRead()).isTrue());
        assertThat(sent.requests(QueryRequest.class)).singleElement()
                .satisfies(query -> assertThat(query.consistentRead()).isTrue());
    }

    @Test
    void iamActions_areExactlyTheOperationsItCalls() {
        exerciseEveryMethod();

        assertThat(sent.iamActions()).containsExactlyInAnyOrderElementsOf(DynamoDbMessageLedger.IAM_ACTIONS);
    }

    @Test
    void everyRequest_asksForTotalConsumedCapacity() {
        exerciseEveryMethod();

        assertThat(sent.calls()).isNotEmpty().allSatisfy(call -> assertThat(
                call.request().getValueForField("ReturnConsumedCapacity", String.class))
                .as(call.operation()).contains("TOTAL"));
    }

    @Test
    void meter_addsUpCapacityOfInsertUpdateAndQuery() {
        LedgerEntry planned = plannedEmail(unique("c"), unique("m"));
        CapacityMeter.Snapshot before = meter.snapshot();

        ledger.insert(planned);
        ledger.update(planned.claimed(LATER), planned.version());
        ledger.forCustomer(planned.customerId());

        CapacityMeter.Snapshot used = meter.snapshot().minus(before);
        assertThat(used.operation("PutItem")).isEqualTo(new CapacityMeter.Usage(2, 0, 2));
        assertThat(used.operation("Query").calls()).isEqualTo(1);
        assertThat(used.operation("Query").readUnits()).isPositive();
    }

    private static void exerciseEveryMethod() {
        LedgerEntry planned = plannedEmail(unique("c"), unique("m"));
        ledger.insert(planned);
        ledger.find(planned.customerId(), planned.messageId());
        ledger.update(planned.claimed(LATER), planned.version());
        ledger.forCustomer(planned.customerId());
    }

    private static Map<String, AttributeValue> rawItem(LedgerEntry entry) {
        return raw.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("C#" + entry.customerId()),
                "sk", AttributeValue.fromS("M#" + entry.messageId())))).item();
    }
}
