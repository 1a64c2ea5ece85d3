package dev.aftercart.core.engine;

import dev.aftercart.core.journey.Channel;

/** One message an event led to, and what became of it. */
public record PlannedMessage(String messageId, String journeyId, String stepId, Channel channel, MessageOutcome outcome) {

    public String describe() {
        return MessageOutcome.describe(outcome);
    }
}
