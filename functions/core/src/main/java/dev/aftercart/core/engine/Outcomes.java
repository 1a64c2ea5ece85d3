package dev.aftercart.core.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Outcomes as JSON-ready maps, for Lambda responses and the local runner's files. */
public final class Outcomes {

    private Outcomes() {
    }

    public static Map<String, Object> toJson(EventOutcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", outcome.eventId());
        json.put("detailType", outcome.detailType());
        json.put("state", outcome.state().id());
        List<Map<String, Object>> messages = outcome.messages().stream().map(Outcomes::toJson).toList();
        json.put("messages", messages);
        return json;
    }

    public static Map<String, Object> toJson(PlannedMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("messageId", message.messageId());
        json.put("journey", message.journeyId());
        json.put("step", message.stepId());
        json.put("channel", message.channel().id());
        json.put("outcome", message.describe());
        return json;
    }

    public static Map<String, Object> toJson(MessageOutcome outcome) {
        return Map.of("outcome", MessageOutcome.describe(outcome));
    }
}
