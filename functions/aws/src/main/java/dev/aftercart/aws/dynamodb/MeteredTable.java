package dev.aftercart.aws.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The shared table as the adapters use it: every request names the table and asks for the
 * capacity it consumed, every response feeds the meter, queries follow every page (unless the caller
 * has read enough), batches resend what DynamoDB left unprocessed, and a failed condition is an
 * answer ({@code false}), not an error.
 */
final class MeteredTable {

    /** BatchGetItem's limit on keys per request. */
    static final int BATCH_GET_LIMIT = 100;
    /** BatchWriteItem's limit on writes per request. */
    static final int BATCH_WRITE_LIMIT = 25;
    private static final int BATCH_ATTEMPTS = 8;
    private static final long FIRST_BACKOFF_MILLIS = 20;

    private final DynamoDbClient client;
    private final String name;
    private final CapacityMeter meter;
    private final Integer pageSize;

    /** @param pageSize items per query page, or {@code null} for DynamoDB's default (1 MB) */
    MeteredTable(DynamoDbClient client, String name, CapacityMeter meter, Integer pageSize) {
        this.client = client;
        this.name = name;
        this.meter = meter;
        this.pageSize = pageSize;
    }

    Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key, boolean consistent) {
        GetItemResponse response = client.getItem(b -> b
                .tableName(name)
                .key(key)
                .consistentRead(consistent)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.record("GetItem", response.consumedCapacity());
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** Writes the whole item if {@code condition} holds; {@code false} when it did not. */
    boolean put(Map<String, AttributeValue> item, Condition condition) {
        try {
            PutItemResponse response = client.putItem(b -> b
                    .tableName(name)
                    .item(item)
                    .conditionExpression(condition.expression())
                    .expressionAttributeNames(condition.names().isEmpty() ? null : condition.names())
                    .expressionAttributeValues(condition.values().isEmpty() ? null : condition.values())
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.record("PutItem", response.consumedCapacity());
            return true;
        } catch (ConditionalCheckFailedException e) {
            // Failed conditions consume write units, but DynamoDB reports none with the error.
            meter.record("PutItem", List.of());
            return false;
        }
    }

    /** Applies {@code update} to the item (creating it if absent) if its condition holds; {@code false} when it did not. */
    boolean update(Map<String, AttributeValue> key, Update update) {
        return update(key, update, null).isPresent();
    }

    /**
     * Applies {@code update} like {@link #update(Map, Update)} and returns the attributes
     * {@code returnValues} asks for (empty, for instance, when {@code UPDATED_OLD} finds the updated
     * attributes were absent). Return values cost no capacity. Empty when the condition failed.
     */
    Optional<Map<String, AttributeValue>> update(Map<String, AttributeValue> key, Update update,
            ReturnValue returnValues) {
        try {
            UpdateItemResponse response = client.updateItem(b -> b
                    .tableName(name)
                    .key(key)
                    .updateExpression(update.expression())
                    .conditionExpression(update.condition())
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values().isEmpty() ? null : update.values())
                    .returnValues(returnValues)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.record("UpdateItem", response.consumedCapacity());
            return Optional.of(response.hasAttributes() ? response.attributes() : Map.of());
        } catch (ConditionalCheckFailedException e) {
            meter.record("UpdateItem", List.of());
            return Optional.empty();
        }
    }

    /** Every item the query matches, across all pages; {@code query} sets the key condition and values. */
    List<Map<String, AttributeValue>> query(Consumer<QueryRequest.Builder> query) {
        return query(query, items -> false);
    }

    /**
     * The items the query matches, page by page until {@code enough} holds for the items read so far
     * or there are no more pages. {@code query} may set a page {@code Limit}; a table made with a page
     * size overrides it.
     */
    List<Map<String, AttributeValue>> query(Consumer<QueryRequest.Builder> query,
            Predicate<List<Map<String, AttributeValue>>> enough) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder();
            query.accept(request);
            request.tableName(name)
                    .exclusiveStartKey(startKey)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (pageSize != null) {
                request.limit(pageSize);
            }
            QueryResponse response = client.query(request.build());
            meter.record("Query", response.consumedCapacity());
            items.addAll(response.items());
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null && !enough.test(items));
        return items;
    }

    /**
     * Deletes the items with these keys (which must be distinct), {@value #BATCH_WRITE_LIMIT} a
     * request. Deletes DynamoDB leaves unprocessed, as it does when throttled, are sent again with
     * backoff. Deleting an absent item is not an error.
     */
    void batchDelete(List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> pending = keys.subList(from, Math.min(keys.size(), from + BATCH_WRITE_LIMIT)).stream()
                    .map(key -> WriteRequest.builder().deleteRequest(delete -> delete.key(key)).build())
                    .toList();
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > BATCH_ATTEMPTS) {
                    throw new IllegalStateException(pending.size() + " deletes still unprocessed after "
                            + BATCH_ATTEMPTS + " BatchWriteItem attempts on " + name);
                }
                if (attempt > 1) {
                    pause(FIRST_BACKOFF_MILLIS << (attempt - 2));
                }
                Map<String, List<WriteRequest>> request = new HashMap<>();
                request.put(name, pending);
                BatchWriteItemResponse response = client.batchWriteItem(b -> b
                        .requestItems(request)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                meter.record("BatchWriteItem", response.consumedCapacity());
                pending = response.unprocessedItems().getOrDefault(name, List.of());
            }
        }
    }

    /**
     * The items that exist among {@code keys} (which must be distinct), fetched {@value #BATCH_GET_LIMIT}
     * keys a request. Keys DynamoDB leaves unprocessed, as it does when throttled, are asked for
     * again with backoff.
     */
    List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> pending = keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > BATCH_ATTEMPTS) {
                    throw new IllegalStateException(pending.size() + " keys still unprocessed after "
                            + BATCH_ATTEMPTS + " BatchGetItem attempts on " + name);
                }
                if (attempt > 1) {
                    pause(FIRST_BACKOFF_MILLIS << (attempt - 2));
                }
                Map<String, KeysAndAttributes> request = new HashMap<>();
                request.put(name, KeysAndAttributes.builder().keys(pending).build());
                BatchGetItemResponse response = client.batchGetItem(b -> b
                        .requestItems(request)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                meter.record("BatchGetItem", response.consumedCapacity());
                items.addAll(response.responses().getOrDefault(name, List.of()));
                KeysAndAttributes unprocessed = response.unprocessedKeys().get(name);
                pending = unprocessed == null ? List.of() : unprocessed.keys();
            }
        }
        return items;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off a batch request", e);
        }
    }

    /** A condition expression with its placeholders. */
    record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

        /** No item with this key exists yet. */
        static Condition absent() {
            return new Condition("attribute_not_exists(" + SingleTable.PARTITION_KEY + ")", Map.of(), Map.of());
        }

        /** The stored item has {@code expected} as its version; 0 means no item is stored yet. */
        static Condition version(long expected) {
            if (expected == 0) {
                return absent();
            }
            return new Condition("#version = :expectedVersion", Map.of("#version", "version"),
                    Map.of(":expectedVersion", Attributes.number(expected)));
        }
    }
}
