package dev.aftercart.aws.ses;

import dev.aftercart.core.feedback.EmailFeedback;
import dev.aftercart.core.feedback.EmailFeedback.Type;
import dev.aftercart.core.render.EmailTags;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the email sending events a configuration set publishes to EventBridge (source
 * {@value #SOURCE}) into {@link EmailFeedback}, one per recipient the event is about. The
 * {@code detail} is SES's event record: {@code mail} with the {@code tags} the message was sent
 * with (each a list of values), and one object per event type. Sample events under
 * {@code infra/events/ses/} are the contract.
 *
 * <ul>
 *   <li>{@code Email Sent}, {@code Email Opened}, {@code Email Clicked}: one per {@code mail.destination}.
 *   <li>{@code Email Delivered}: one per {@code delivery.recipients}.
 *   <li>{@code Email Bounced}: one per {@code bounce.bouncedRecipients}; {@code Permanent} suppresses,
 *       {@code Transient} and {@code Undetermined} (or any type SES adds later) only count towards it.
 *   <li>{@code Email Complaint Received}: one per {@code complaint.complainedRecipients}.
 *   <li>{@code Email Delivery Delayed}, {@code Email Rejected}, {@code Email Rendering Failed},
 *       {@code Email Subscribed} and any other detail-type: nothing, so a rule that routes more than
 *       Aftercart reads does no harm.
 * </ul>
 *
 * <p>{@code customerId} and {@code messageId} are the first values of the {@code customer} and
 * {@code message} tags that {@code MessageComposer} puts on every email, or {@code null} when a
 * tag is absent (mail Aftercart did not send), so the feedback still counts for reputation. The
 * time is the event's own {@code timestamp} ({@code mail.timestamp} for a send). A malformed event
 * throws {@link IllegalArgumentException} naming every broken field and rule, never a value: an
 * address is personal data.
 */
public final class SesEventParser {

    public static final String SOURCE = "aws.ses";
    public static final String CUSTOMER_TAG = "customer";
    public static final String MESSAGE_TAG = "message";

    private SesEventParser() {
    }

    public static List<EmailFeedback> parse(Map<String, Object> event) {
        List<String> violations = new ArrayList<>();
        Object source = event.get("source");
        if (!SOURCE.equals(source)) {
            violations.add("source: must be \"" + SOURCE + "\"");
        }
        Object detailType = event.get("detail-type");
        if (!(detailType instanceof String)) {
            violations.add("detail-type: must be a string");
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        Kind kind = Kind.of((String) detailType);
        if (kind == null) {
            return List.of();
        }
        Fields detail = new Fields(event, "").object("detail", violations);
        Fields mail = detail == null ? null : detail.object("mail", violations);
        Fields about = detail == null || kind.object == null ? null : detail.object(kind.object, violations);
        if (mail == null || (kind.object != null && about == null)) {
            throw invalid(violations);
        }
        Map<String, Object> tags = mail.optionalMap("tags", violations);
        String customerId = tags == null ? null : firstTagValue(tags, CUSTOMER_TAG, mail.path("tags"), violations);
        String messageId = tags == null ? null : firstTagValue(tags, MESSAGE_TAG, mail.path("tags"), violations);
        Instant at = (about == null ? mail : about).instant("timestamp", violations);
        Type type = switch (kind) {
            case SENT -> Type.SENT;
            case DELIVERED -> Type.DELIVERED;
            case BOUNCED -> bounceType(about, violations);
            case COMPLAINED -> Type.COMPLAINED;
            case OPENED -> Type.OPENED;
            case CLICKED -> Type.CLICKED;
        };
        List<String> recipients = switch (kind) {
            case SENT, OPENED, CLICKED -> mail.strings("destination", violations);
            case DELIVERED -> about.strings("recipients", violations);
            case BOUNCED -> about.addresses("bouncedRecipients", violations);
            case COMPLAINED -> about.addresses("complainedRecipients", violations);
        };
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return recipients.stream().map(to -> new EmailFeedback(customerId, messageId, type, to, at)).toList();
    }

    /** Only {@code Permanent} is a hard bounce; SES says {@code Undetermined} when it cannot tell. */
    private static Type bounceType(Fields bounce, List<String> violations) {
        String bounceType = bounce.string("bounceType", violations);
        return "Permanent".equals(bounceType) ? Type.BOUNCED_PERMANENTLY : Type.BOUNCED_TRANSIENTLY;
    }

    private static String firstTagValue(Map<String, Object> tags, String name, String path, List<String> violations) {
        Object values = tags.get(name);
        if (values == null) {
            return null;
        }
        if (values instanceof List<?> list && !list.isEmpty()
                && list.get(0) instanceof String first && !first.isBlank()) {
            return EmailTags.decode(first);
        }
        violations.add(path + "." + name + ": must be a list whose first value is a non-empty string");
        return null;
    }

    private static IllegalArgumentException invalid(List<String> violations) {
        return new IllegalArgumentException("invalid SES event: " + String.join("; ", violations));
    }

    /** The detail-types read, and the detail object each is about (a send has only {@code mail}). */
    private enum Kind {
        SENT("Email Sent", null),
        DELIVERED("Email Delivered", "delivery"),
        BOUNCED("Email Bounced", "bounce"),
        COMPLAINED("Email Complaint Received", "complaint"),
        OPENED("Email Opened", "open"),
        CLICKED("Email Clicked", "click");

        final String detailType;
        final String object;

        Kind(String detailType, String object) {
            this.detailType = detailType;
            this.object = object;
        }

        static Kind of(String detailType) {
            for (Kind kind : values()) {
                if (kind.detailType.equals(detailType)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** A JSON object and its path in the event, for violations that name the field. */
    private record Fields(Map<String, Object> map, String prefix) {

        String path(String name) {
            return prefix.isEmpty() ? name : prefix + "." + name;
        }

        @SuppressWarnings("unchecked")
        Fields object(String name, List<String> violations) {
            if (map.get(name) instanceof Map<?, ?> child) {
                return new Fields((Map<String, Object>) child, path(name));
            }
            violations.add(path(name) + ": must be an object");
            return null;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> optionalMap(String name, List<String> violations) {
            Object value = map.get(name);
            if (value == null || value instanceof Map<?, ?>) {
                return (Map<String, Object>) value;
            }
            violations.add(path(name) + ": must be an object");
            return null;
        }

        String string(String name, List<String> violations) {
            if (map.get(name) instanceof String s && !s.isBlank()) {
                return s;
            }
            violations.add(path(name) + ": must be a non-empty string");
            return null;
        }

        Instant instant(String name, List<String> violations) {
            if (map.get(name) instanceof String s) {
                try {
                    return Instant.parse(s);
                } catch (DateTimeParseException e) {
                    // reported below, without the value
                }
            }
            violations.add(path(name) + ": must be an ISO 8601 UTC instant such as \"2026-11-20T10:00:00.000Z\"");
            return null;
        }

        /** A non-empty array of non-empty strings. */
        List<String> strings(String name, List<String> violations) {
            List<String> out = new ArrayList<>();
            if (map.get(name) instanceof List<?> list && !list.isEmpty()) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof String s && !s.isBlank()) {
                        out.add(s);
                    } else {
                        violations.add(path(name) + "[" + i + "]: must be a non-empty string");
                    }
                }
                return out;
            }
            violations.add(path(name) + ": must be a non-empty array");
            return out;
        }

        /** A non-empty array of objects, each with a non-empty {@code emailAddress}. */
        @SuppressWarnings("unchecked")
        List<String> addresses(String name, List<String> violations) {
            List<String> out = new ArrayList<>();
            if (map.get(name) instanceof List<?> list && !list.isEmpty()) {
                for (int i = 0; i < list.size(); i++) {
                    String itemPath = path(name) + "[" + i + "]";
                    if (list.get(i) instanceof Map<?, ?> item) {
                        String address = new Fields((Map<String, Object>) item, itemPath)
                                .string("emailAddress", violations);
                        if (address != null) {
                            out.add(address);
                        }
                    } else {
                        violations.add(itemPath + ": must be an object");
                    }
                }
                return out;
            }
            violations.add(path(name) + ": must be a non-empty array");
            return out;
        }
    }
}
