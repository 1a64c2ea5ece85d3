package dev.aftercart.local;

import dev.aftercart.core.render.EmailMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What SES publishes to EventBridge about one email sent with a configuration set whose event
 * destination is the default bus, shaped exactly like the samples in {@code infra/events/ses/}:
 * {@code Email Sent}, then {@code Email Delivered}. The SES mailbox simulator's addresses (with or
 * without a {@code +label}) behave as they do on SES:
 *
 * <ul>
 * <li>{@code bounce@simulator.amazonses.com}: a permanent bounce, {@code 550 5.1.1 user unknown};
 * <li>{@code complaint@simulator.amazonses.com}: delivered, then a complaint;
 * <li>{@code suppressionlist@simulator.amazonses.com}: a permanent bounce because the address is on
 *     the account's suppression list;
 * <li>{@code ooto@simulator.amazonses.com}: delivered (the out-of-office reply is no event);
 * <li>any other address, {@code success@simulator.amazonses.com} included: delivered.
 * </ul>
 *
 * Every event happens at the instant of the send: on virtual time, feedback arrives at once.
 */
final class LocalSesEvents {

    static final String SIMULATOR_DOMAIN = "simulator.amazonses.com";
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final String SUPPRESSED_DIAGNOSTIC = "Amazon SES did not send the message to this address because it is on "
            + "the suppression list for your account. For more information about removing addresses from the "
            + "suppression list, see the Amazon SES Developer Guide at "
            + "https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html";

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String configurationSet;

    LocalSesEvents(String configurationSet) {
        this.configurationSet = configurationSet;
    }

    /** The id SES returns for a send and puts in {@code mail.messageId}: hex milliseconds, a UUID, a suffix. */
    static String sesMessageId(EmailMessage message, Instant at, int sequence) {
        UUID uuid = UUID.nameUUIDFromBytes((message.messageId() + "#" + sequence).getBytes(StandardCharsets.UTF_8));
        return String.format("%016x-%s-000000", at.toEpochMilli(), uuid);
    }

    /** The events SES publishes after this send, in the order it publishes them, as JSON objects. */
    List<Map<String, Object>> after(EmailMessage message, String sesMessageId, Instant at) {
        Map<String, Object> mail = mail(message, sesMessageId, at);
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(event("Email Sent", "Send", mail, "send", Map.of(), at, sesMessageId));
        switch (simulatorMailbox(message.to())) {
            // The receiving server refused it: the message had left SES, so the event names the outgoing IP.
            case "bounce" -> events.add(bounce(withTags(mail, Map.of("ses:outgoing-ip", "127.0.0.1")), message.to(),
                    "General", "smtp; 550 5.1.1 user unknown", "dns; a8-97.smtp-out.amazonses.com", true, at,
                    sesMessageId));
            // SES itself refused it: it never left, so there is no remote server and no outgoing IP.
            case "suppressionlist" -> events.add(bounce(mail, message.to(), "OnAccountSuppressionList",
                    SUPPRESSED_DIAGNOSTIC, "dns; amazonses.com", false, at, sesMessageId));
            case "complaint" -> {
                events.add(delivery(mail, message.to(), at, sesMessageId));
                events.add(complaint(mail, message.to(), at, sesMessageId));
            }
            default -> events.add(delivery(mail, message.to(), at, sesMessageId));
        }
        return events;
    }

    /** The mailbox simulator's scenario for an address ({@code bounce}, {@code complaint}, ...), or empty. */
    static String simulatorMailbox(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || !address.substring(at + 1).equalsIgnoreCase(SIMULATOR_DOMAIN)) {
            return "";
        }
        String local = address.substring(0, at).toLowerCase(Locale.ROOT);
        int label = local.indexOf('+');
        return label < 0 ? local : local.substring(0, label);
    }

    private Map<String, Object> delivery(Map<String, Object> mail, String to, Instant at, String sesMessageId) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("timestamp", MILLIS.format(at));
        delivery.put("processingTimeMillis", 0);
        delivery.put("recipients", List.of(to));
        delivery.put("smtpResponse", "250 2.0.0 OK");
        delivery.put("reportingMTA", "a8-97.smtp-out.amazonses.com");
        delivery.put("remoteMtaIp", "127.0.0.1");
        return event("Email Delivered", "Delivery", withTags(mail, Map.of(
                "ses:outgoing-ip", "127.0.0.1", "ses:outgoing-tls-version", "TLSv1.3")), "delivery", delivery, at,
                sesMessageId);
    }

    private Map<String, Object> bounce(Map<String, Object> mail, String to, String subType, String diagnostic,
            String reportingMta, boolean remote, Instant at, String sesMessageId) {
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("emailAddress", to);
        recipient.put("action", "failed");
        recipient.put("status", "5.1.1");
        recipient.put("diagnosticCode", diagnostic);
        Map<String, Object> bounce = new LinkedHashMap<>();
        bounce.put("feedbackId", feedbackId(sesMessageId, "bounce"));
        bounce.put("bounceType", "Permanent");
        bounce.put("bounceSubType", subType);
        bounce.put("bouncedRecipients", List.of(recipient));
        bounce.put("timestamp", MILLIS.format(at));
        if (remote) {
            bounce.put("remoteMtaIp", "127.0.0.1");
        }
        bounce.put("reportingMTA", reportingMta);
        return event("Email Bounced", "Bounce", mail, "bounce", bounce, at, sesMessageId);
    }

    private Map<String, Object> complaint(Map<String, Object> mail, String to, Instant at, String sesMessageId) {
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("feedbackId", feedbackId(sesMessageId, "complaint"));
        complaint.put("complaintSubType", null);
        complaint.put("complainedRecipients", List.of(Map.of("emailAddress", to)));
        complaint.put("timestamp", MILLIS.format(at));
        complaint.put("userAgent", "Amazon SES Mailbox Simulator");
        complaint.put("complaintFeedbackType", "abuse");
        complaint.put("arrivalDate", MILLIS.format(at));
        return event("Email Complaint Received", "Complaint", mail, "complaint", complaint, at, sesMessageId);
    }

    /** The EventBridge envelope; the detail names its type, then what happened, then the mail (as SES orders them). */
    private Map<String, Object> event(String detailType, String eventType, Map<String, Object> mail, String name,
            Map<String, Object> about, Instant at, String sesMessageId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventType", eventType);
        boolean aboutFirst = name.equals("bounce") || name.equals("complaint");
        if (aboutFirst) {
            detail.put(name, about);
        }
        detail.put("mail", mail);
        if (!aboutFirst) {
            detail.put(name, about);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.nameUUIDFromBytes((sesMessageId + "/" + eventType).getBytes(StandardCharsets.UTF_8))
                .toString());
        event.put("detail-type", detailType);
        event.put("source", "aws.ses");
        event.put("account", ACCOUNT);
        event.put("time", at.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", REGION);
        event.put("resources", List.of("arn:aws:ses:" + REGION + ":" + ACCOUNT + ":configuration-set/" + configurationSet));
        event.put("detail", detail);
        return event;
    }

    private Map<String, Object> mail(EmailMessage message, String sesMessageId, Instant at) {
        String from = message.fromName() == null || message.fromName().isBlank()
                ? message.fromAddress()
                : message.fromName() + " <" + message.fromAddress() + ">";
        String fromDomain = message.fromAddress().substring(message.fromAddress().indexOf('@') + 1);
        List<Map<String, Object>> headers = new ArrayList<>();
        headers.add(header("From", from));
        headers.add(header("To", "<" + message.to() + ">"));
        headers.add(header("Subject", message.subject()));
        new TreeMap<>(message.headers()).forEach((name, value) -> headers.add(header(name, value)));
        headers.add(header("MIME-Version", "1.0"));
        headers.add(header("Content-Type", "multipart/alternative; boundary=\"=_aftercart_" + message.messageId() + "\""));
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("from", List.of(from));
        common.put("to", List.of("<" + message.to() + ">"));
        common.put("messageId", sesMessageId);
        common.put("subject", message.subject());
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("ses:operation", List.of("SendEmail"));
        tags.put("ses:configuration-set", List.of(configurationSet));
        tags.put("ses:source-ip", List.of("127.0.0.1"));
        tags.put("ses:from-domain", List.of(fromDomain));
        tags.put("ses:caller-identity", List.of("aftercart-local"));
        new TreeMap<>(message.tags()).forEach((name, value) -> tags.put(name, List.of(value)));
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("timestamp", MILLIS.format(at));
        mail.put("source", from);
        mail.put("sourceArn", "arn:aws:ses:" + REGION + ":" + ACCOUNT + ":identity/" + fromDomain);
        mail.put("sendingAccountId", ACCOUNT);
        mail.put("messageId", sesMessageId);
        mail.put("destination", List.of(message.to()));
        mail.put("headersTruncated", false);
        mail.put("headers", headers);
        mail.put("commonHeaders", common);
        mail.put("tags", tags);
        return mail;
    }

    /** The same mail with tags SES adds once the message has left (the outgoing IP and TLS version). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withTags(Map<String, Object> mail, Map<String, String> more) {
        Map<String, Object> copy = new LinkedHashMap<>(mail);
        Map<String, Object> tags = new LinkedHashMap<>((Map<String, Object>) mail.get("tags"));
        new TreeMap<>(more).forEach((name, value) -> tags.put(name, List.of(value)));
        copy.put("tags", tags);
        return copy;
    }

    private static Map<String, Object> header(String name, String value) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("name", name);
        header.put("value", value);
        return header;
    }

    private static String feedbackId(String sesMessageId, String kind) {
        return UUID.nameUUIDFromBytes((sesMessageId + "/" + kind).getBytes(StandardCharsets.UTF_8)) + "-000000";
    }
}
