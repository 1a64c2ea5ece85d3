package dev.aftercart.aws.sns;

import dev.aftercart.core.feedback.InboundSms;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.json.JsonException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the texts customers send to the store's number, as Lambda receives them from the SNS
 * topic two-way SMS publishes to (AWS End User Messaging SMS, formerly Pinpoint SMS). Each of the
 * event's {@code Records} carries in {@code Sns.Message} a JSON string with
 * {@code originationNumber} (the customer), {@code destinationNumber} (the store),
 * {@code messageKeyword}, {@code messageBody}, {@code inboundMessageId} and
 * {@code previousPublishedMessageId}. A text's id is its {@code inboundMessageId}, stable across
 * SNS's redeliveries; its time is the notification's {@code Sns.Timestamp}. The sample event
 * {@code infra/events/sms/inbound-stop.json} is the contract.
 *
 * <p>A record that breaks a rule throws {@link IllegalArgumentException} naming every broken field
 * by its path (e.g. {@code Records[0].Sns.Message.originationNumber}) and the rule, never the
 * value: the number and the text are personal data. The whole event fails, so Lambda retries it and
 * finally sends it to the function's failure destination; nothing is dropped in silence.
 */
public final class InboundSmsParser {

    public static final String EVENT_SOURCE = "aws:sns";

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    private InboundSmsParser() {
    }

    public static List<InboundSms> parse(Map<String, Object> event) {
        List<String> violations = new ArrayList<>();
        List<InboundSms> texts = new ArrayList<>();
        if (!(event.get("Records") instanceof List<?> records) || records.isEmpty()) {
            throw invalid(List.of("Records: must be a non-empty array"));
        }
        for (int i = 0; i < records.size(); i++) {
            InboundSms text = record(records.get(i), "Records[" + i + "]", violations);
            if (text != null) {
                texts.add(text);
            }
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return List.copyOf(texts);
    }

    private static InboundSms record(Object value, String path, List<String> violations) {
        if (!(value instanceof Map<?, ?> record)) {
            violations.add(path + ": must be an object");
            return null;
        }
        if (!EVENT_SOURCE.equals(record.get("EventSource"))) {
            violations.add(path + ".EventSource: must be \"" + EVENT_SOURCE + "\"");
        }
        if (!(record.get("Sns") instanceof Map<?, ?> sns)) {
            violations.add(path + ".Sns: must be an object");
            return null;
        }
        Instant at = instant(sns.get("Timestamp"), path + ".Sns.Timestamp", violations);
        Map<?, ?> message = message(sns.get("Message"), path + ".Sns.Message", violations);
        if (message == null) {
            return null;
        }
        String messagePath = path + ".Sns.Message.";
        String id = nonBlank(message.get("inboundMessageId"), messagePath + "inboundMessageId", violations);
        String from = message.get("originationNumber") instanceof String s && E164.matcher(s).matches() ? s : null;
        if (from == null) {
            violations.add(messagePath + "originationNumber: must be an E.164 phone number such as +14155550123");
        }
        String body = message.get("messageBody") instanceof String s ? s : null;
        if (body == null) {
            violations.add(messagePath + "messageBody: must be a string");
        }
        return id == null || from == null || body == null || at == null ? null : new InboundSms(id, from, body, at);
    }

    /** The notification's message: a JSON object, written as a string. */
    private static Map<?, ?> message(Object value, String path, List<String> violations) {
        if (!(value instanceof String text)) {
            violations.add(path + ": must be a string holding a JSON object");
            return null;
        }
        try {
            return Json.parseObject(text);
        } catch (JsonException e) {
            // JsonException names the rule and offset, never the text.
            violations.add(path + ": must be a string holding a JSON object (" + e.getMessage() + ")");
            return null;
        }
    }

    private static Instant instant(Object value, String path, List<String> violations) {
        if (value instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                // reported below, without the value
            }
        }
        violations.add(path + ": must be an ISO 8601 UTC instant such as \"2026-11-20T10:00:00.000Z\"");
        return null;
    }

    private static String nonBlank(Object value, String path, List<String> violations) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        violations.add(path + ": must be a non-empty string");
        return null;
    }

    private static IllegalArgumentException invalid(List<String> violations) {
        return new IllegalArgumentException("invalid SNS event: " + String.join("; ", violations));
    }
}
