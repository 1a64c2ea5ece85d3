package dev.aftercart.core.engine;

import java.util.List;

/** The result of one event: how its state was recorded, and each message it led to. */
public record EventOutcome(String eventId, String detailType, RecordState state, List<PlannedMessage> messages) {

    public EventOutcome {
        messages = List.copyOf(messages);
    }
}
