package dev.aftercart.functions.dispatch;

import dev.aftercart.core.event.InvalidEventException;
import dev.aftercart.core.event.Violation;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The input a schedule carries, as {@code EventBridgeMessageScheduler} writes it. */
record DispatchRequest(String customerId, String messageId) {

    static DispatchRequest read(InputStream input) throws IOException {
        Map<String, Object> json;
        try {
            json = Json.parseObject(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new InvalidEventException(List.of(new Violation("$", "must be a JSON object: " + e.getMessage())));
        }
        List<Violation> violations = new ArrayList<>();
        String customerId = field(json, "customerId", violations);
        String messageId = field(json, "messageId", violations);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(violations);
        }
        return new DispatchRequest(customerId, messageId);
    }

    private static String field(Map<String, Object> json, String name, List<Violation> violations) {
        if (json.get(name) instanceof String s && !s.isBlank()) {
            return s;
        }
        violations.add(new Violation(name, "is required and must be a non-empty string"));
        return null;
    }
}
