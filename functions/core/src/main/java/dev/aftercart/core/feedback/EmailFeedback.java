package dev.aftercart.core.feedback;

import java.time.Instant;

/**
 * What the email provider reported about one sent message: it was sent, delivered, bounced
 * (permanently or not), complained about, opened or clicked. {@code customerId} and
 * {@code messageId} come from the tags the message was sent with; {@code recipient} is checked
 * against the profile's address and never logged.
 */
public record EmailFeedback(String customerId, String messageId, Type type, String recipient, Instant at) {

    public enum Type {
        SENT,
        DELIVERED,
        BOUNCED_PERMANENTLY,
        BOUNCED_TRANSIENTLY,
        COMPLAINED,
        OPENED,
        CLICKED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
