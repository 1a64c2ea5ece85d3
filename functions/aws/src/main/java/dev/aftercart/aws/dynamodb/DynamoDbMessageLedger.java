package dev.aftercart.aws.dynamodb;

import static dev.aftercart.aws.dynamodb.Attributes.instant;
import static dev.aftercart.aws.dynamodb.Attributes.number;
import static dev.aftercart.aws.dynamodb.Attributes.string;

import dev.aftercart.aws.dynamodb.MeteredTable.Condition;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.port.MessageLedger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The message ledger as {@code C#<customerId>}/{@code M#<messageId>} items, beside the customer's
 * profile and orders. Entries in a final state carry {@value SingleTable#TIME_TO_LIVE}, so DynamoDB
 * deletes them after {@link #RETENTION} and the ledger does not grow forever.
 */
public final class DynamoDbMessageLedger implements MessageLedger {

    /** Exactly the DynamoDB actions this adapter calls; the template's policies must grant them. */
    public static final List<String> IAM_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query");

    /**
     * How long a final entry is kept after its last update: over a year, so "why wasn't this sent?"
     * can be answered for a whole season, and far beyond any event re-delivery or replay that could
     * plan the same message again (its id comes from the business key, and a message that is gone
     * could be planned anew).
     */
    public static final Duration RETENTION = Duration.ofDays(400);

    private final MeteredTable table;

    public DynamoDbMessageLedger(DynamoDbClient client, String tableName, CapacityMeter meter) {
        this(new MeteredTable(client, tableName, meter, null));
    }

    DynamoDbMessageLedger(MeteredTable table) {
        this.table = table;
    }

    // Why: the conditional insert is what makes planning idempotent: a re-delivered event finds its message here.
    @Override
    public boolean insert(LedgerEntry entry) {
        return table.put(item(entry), Condition.absent());
    }

    // Consistent: dispatch claims the message with a write conditional on the version read here.
    @Override
    public Optional<LedgerEntry> find(String customerId, String messageId) {
        return table.get(key(customerId, messageId), true).map(DynamoDbMessageLedger::entryFrom);
    }

    // Why: every change of status (scheduled, held, claimed, sent, skipped, failed, cancelled) is recorded,
    // and the version condition lets only one of two concurrent dispatchers claim a message.
    @Override
    public boolean update(LedgerEntry entry, long expectedVersion) {
        return table.put(item(entry), Condition.version(expectedVersion));
    }

    // Consistent: cancelling an order updates these entries conditionally on the versions read here.
    @Override
    public List<LedgerEntry> forCustomer(String customerId) {
        return table.query(q -> q
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(
                                ":pk", string(SingleTable.customer(customerId)),
                                ":prefix", string(SingleTable.MESSAGE)))
                        .consistentRead(true))
                .stream()
                .map(DynamoDbMessageLedger::entryFrom)
                .toList();
    }

    private static Map<String, AttributeValue> key(String customerId, String messageId) {
        return SingleTable.key(SingleTable.customer(customerId), SingleTable.message(messageId));
    }

    private static Map<String, AttributeValue> item(LedgerEntry entry) {
        boolean expires = entry.status() != null && entry.status().isFinal() && entry.updatedAt() != null;
        return Attributes.builder()
                .putAll(key(entry.customerId(), entry.messageId()))
                .put("customerId", string(entry.customerId()))
                .put("messageId", string(entry.messageId()))
                .put("journeyId", string(entry.journeyId()))
                .put("stepId", string(entry.stepId()))
                .put("channel", string(entry.channel() == null ? null : entry.channel().id()))
                .put("kind", string(entry.kind() == null ? null : entry.kind().id()))
                .put("subject", Attributes.stringMap(entry.subject()))
                .put("dueAt", instant(entry.dueAt()))
                .put("status", string(entry.status() == null ? null : entry.status().id()))
                .put("reason", string(entry.reason()))
                .put("attempts", number(entry.attempts()))
                .put("scheduleName", string(entry.scheduleName()))
                .put("providerMessageId", string(entry.providerMessageId()))
                .put("smsSegments", number(entry.smsSegments()))
                .put("createdAt", instant(entry.createdAt()))
                .put("updatedAt", instant(entry.updatedAt()))
                .put("feedback", string(entry.feedback()))
                .put("version", number(entry.version()))
                .put(SingleTable.TIME_TO_LIVE,
                        expires ? number(entry.updatedAt().plus(RETENTION).getEpochSecond()) : null)
                .build();
    }

    private static LedgerEntry entryFrom(Map<String, AttributeValue> item) {
        Attributes.Reader read = Attributes.read(item);
        String channel = read.string("channel");
        String kind = read.string("kind");
        String status = read.string("status");
        Map<String, String> subject = read.stringMap("subject");
        Integer attempts = read.integer("attempts");
        return new LedgerEntry(
                read.requiredString("customerId"),
                read.requiredString("messageId"),
                read.string("journeyId"),
                read.string("stepId"),
                channel == null ? null : Channel.fromId(channel),
                kind == null ? null : MessageKind.fromId(kind),
                subject == null ? Map.of() : subject,
                read.instant("dueAt"),
                status == null ? null : MessageStatus.fromId(status),
                read.string("reason"),
                attempts == null ? 0 : attempts,
                read.string("scheduleName"),
                read.string("providerMessageId"),
                read.integer("smsSegments"),
                read.instant("createdAt"),
                read.instant("updatedAt"),
                read.string("feedback"),
                read.longNumber("version", 0));
    }
}
