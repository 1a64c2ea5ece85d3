package dev.aftercart.core.render;

import java.util.Map;

/**
 * A rendered email, ready for {@link MimeWriter} and the sender.
 *
 * @param headers extra headers, such as {@code List-Unsubscribe}; names and values are ASCII
 * @param tags SES message tags (journey, message id) so feedback events find their ledger entry
 */
public record EmailMessage(
        String messageId,
        String fromAddress,
        String fromName,
        String to,
        String subject,
        String html,
        String text,
        Map<String, String> headers,
        Map<String, String> tags) {

    public EmailMessage {
        headers = Map.copyOf(headers);
        tags = Map.copyOf(tags);
    }
}
