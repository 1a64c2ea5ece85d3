package dev.aftercart.core.render;

import dev.aftercart.core.journey.MessageKind;

/** A rendered SMS and what it costs. {@code to} is E.164. */
public record SmsMessage(
        String messageId,
        String journeyId,
        String to,
        String body,
        MessageKind kind,
        SmsEncoding encoding,
        int segments) {

    public static SmsMessage of(String messageId, String journeyId, String to, String body, MessageKind kind) {
        SmsSegments.Count count = SmsSegments.count(body);
        return new SmsMessage(messageId, journeyId, to, body, kind, count.encoding(), count.segments());
    }
}
