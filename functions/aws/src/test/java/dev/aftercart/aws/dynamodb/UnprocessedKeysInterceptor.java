package dev.aftercart.aws.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Plays a throttled batch, as DynamoDB does under load. For the next {@code times} BatchGetItem
 * responses, half of the items that came back are withheld and reported as UnprocessedKeys
 * instead; for the next {@code times} BatchWriteItem responses, the first half of the writes sent
 * are reported as UnprocessedItems (they were applied, but writing them again is harmless for the
 * deletes the adapters batch).
 */
final class UnprocessedKeysInterceptor implements ExecutionInterceptor {

    private final AtomicInteger remainingReads = new AtomicInteger();
    private final AtomicInteger remainingWrites = new AtomicInteger();

    void withholdHalfOfNextResponses(int times) {
        remainingReads.set(times);
    }

    void leaveHalfOfNextWritesUnprocessed(int times) {
        remainingWrites.set(times);
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (context.response() instanceof BatchGetItemResponse response && remainingReads.getAndDecrement() > 0) {
            return withholdHalf(response);
        }
        if (context.response() instanceof BatchWriteItemResponse response
                && context.request() instanceof BatchWriteItemRequest request
                && remainingWrites.getAndDecrement() > 0) {
            Map<String, List<WriteRequest>> unprocessed = new HashMap<>();
            request.requestItems().forEach((table, writes) -> {
                if (writes.size() / 2 > 0) {
                    unprocessed.put(table, List.copyOf(writes.subList(0, writes.size() / 2)));
                }
            });
            return response.toBuilder().unprocessedItems(unprocessed).build();
        }
        return context.response();
    }

    private static BatchGetItemResponse withholdHalf(BatchGetItemResponse response) {
        Map<String, List<Map<String, AttributeValue>>> kept = new HashMap<>();
        Map<String, KeysAndAttributes> withheld = new HashMap<>();
        response.responses().forEach((table, items) -> {
            int half = items.size() / 2;
            kept.put(table, new ArrayList<>(items.subList(half, items.size())));
            List<Map<String, AttributeValue>> keys = items.subList(0, half).stream()
                    .map(item -> Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                    .toList();
            if (!keys.isEmpty()) {
                withheld.put(table, KeysAndAttributes.builder().keys(keys).build());
            }
        });
        return response.toBuilder().responses(kept).unprocessedKeys(withheld).build();
    }
}
