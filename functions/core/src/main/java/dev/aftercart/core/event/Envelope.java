package dev.aftercart.core.event;

import java.time.Instant;
import java.util.Map;

/** The standard EventBridge envelope, as delivered to a rule target. */
public record Envelope(String id, String source, String detailType, Instant time, Map<String, Object> detail) {
}
