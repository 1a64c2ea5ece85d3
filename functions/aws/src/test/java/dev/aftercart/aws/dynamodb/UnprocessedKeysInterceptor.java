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
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Plays a throttled BatchGetItem: for the next {@code times} responses, half of the items that
 * came back are withheld and reported as UnprocessedKeys instead, as DynamoDB does under load.
 */
final class UnprocessedKeysInterceptor implements ExecutionInterceptor {

    private final AtomicInteger remaining = new AtomicInteger();

    void withholdHalfOfNextResponses(int times) {
        remaining.set(times);
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (!(context.response() instanceof BatchGetItemResponse response) || remaining.getAndDecrement() <= 0) {
            return context.response();
        }
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
