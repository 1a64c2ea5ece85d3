package dev.aftercart.local;

import dev.aftercart.core.json.Json;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.port.EmailSender;
import dev.aftercart.core.port.EventPublisher;
import dev.aftercart.core.port.SmsSender;
import dev.aftercart.core.render.BusEvent;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.MimeWriter;
import dev.aftercart.core.render.SmsMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where sends go on the embedded default: each email as the RFC 5322 message SES would send
 * ({@code outbox/email/*.eml}), each SMS as one JSON line ({@code outbox/sms.jsonl}), and each
 * event for the store's systems as the EventBridge entry PutEvents would carry
 * ({@code outbox/events.jsonl}).
 *
 * <p>It stands in for SES too: after each email it queues the events SES would publish to
 * EventBridge for the configuration set ({@link LocalSesEvents}), also written to
 * {@code outbox/ses-events.jsonl}. The runner takes them with {@link #takeSesEvents} and routes them
 * like any other event, so the feedback function sees what it would see on AWS.
 */
public final class Outbox implements EmailSender, SmsSender, EventPublisher {

    /** One email as sent: the rendered message, when, and where its .eml is. */
    public record SentEmail(String messageId, String journey, Instant sentAt, EmailMessage message, String file,
            String sesMessageId) {
    }

    /** One SMS as sent. */
    public record SentSms(String messageId, String journey, Instant sentAt, SmsMessage message) {
    }

    private final Path emailDir;
    private final Path smsFile;
    private final Path eventsFile;
    private final Path sesEventsFile;
    private final Clock clock;
    private final LocalSesEvents ses;
    private final List<SentEmail> emails = new ArrayList<>();
    private final Map<String, SentEmail> emailsById = new LinkedHashMap<>();
    private final List<SentSms> texts = new ArrayList<>();
    private final List<String> pendingSesEvents = new ArrayList<>();
    private int events;
    private int sesEvents;

    /**
     * @param configurationSet the SES configuration set the functions send with; SES tags its events with it
     */
    public Outbox(Path outDir, Clock clock, String configurationSet) {
        this.emailDir = outDir.resolve("outbox").resolve("email");
        this.smsFile = outDir.resolve("outbox").resolve("sms.jsonl");
        this.eventsFile = outDir.resolve("outbox").resolve("events.jsonl");
        this.sesEventsFile = outDir.resolve("outbox").resolve("ses-events.jsonl");
        this.clock = clock;
        this.ses = new LocalSesEvents(configurationSet);
        try {
            Files.createDirectories(emailDir);
            Files.writeString(smsFile, "");
            Files.writeString(eventsFile, "");
            Files.writeString(sesEventsFile, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized Delivery send(EmailMessage message) {
        Instant now = clock.instant();
        String file = String.format("%04d-%s.eml", emails.size() + 1, message.messageId());
        try {
            Files.write(emailDir.resolve(file), MimeWriter.write(message, now));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sesMessageId = LocalSesEvents.sesMessageId(message, now, emails.size() + 1);
        SentEmail sent = new SentEmail(message.messageId(), message.tags().get("journey"), now, message,
                "outbox/email/" + file, sesMessageId);
        emails.add(sent);
        emailsById.put(message.messageId(), sent);
        StringBuilder lines = new StringBuilder();
        for (Map<String, Object> event : ses.after(message, sesMessageId, now)) {
            String json = Json.write(event);
            pendingSesEvents.add(json);
            lines.append(json).append('\n');
            sesEvents++;
        }
        append(sesEventsFile, lines.toString());
        return new Delivery.Accepted(sesMessageId);
    }

    @Override
    public synchronized Delivery send(SmsMessage message) {
        Instant now = clock.instant();
        texts.add(new SentSms(message.messageId(), message.journeyId(), now, message));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("to", message.to());
        line.put("body", message.body());
        line.put("segments", message.segments());
        line.put("encoding", message.encoding().name());
        line.put("sentAt", now.toString());
        line.put("journey", message.journeyId());
        line.put("messageId", message.messageId());
        append(smsFile, Json.write(line) + "\n");
        return new Delivery.Accepted("local-sms-" + texts.size());
    }

    @Override
    public synchronized Delivery publish(BusEvent event) {
        events++;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("Source", BusEvent.SOURCE);
        entry.put("DetailType", event.detailType());
        entry.put("Time", clock.instant().toString());
        entry.put("Detail", event.detail());
        append(eventsFile, Json.write(entry) + "\n");
        return new Delivery.Accepted("local-event-" + events);
    }

    /** The SES events published since the last call, oldest first, as EventBridge would deliver them. */
    public synchronized List<String> takeSesEvents() {
        List<String> taken = List.copyOf(pendingSesEvents);
        pendingSesEvents.clear();
        return taken;
    }

    private static void append(Path file, String lines) {
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outbox file an email was written to, relative to the output directory. */
    public synchronized String emailFile(String messageId) {
        SentEmail sent = emailsById.get(messageId);
        return sent == null ? null : sent.file();
    }

    public synchronized Optional<SentEmail> email(String messageId) {
        return Optional.ofNullable(emailsById.get(messageId));
    }

    /** Every email sent, in the order sent. */
    public synchronized List<SentEmail> sentEmails() {
        return List.copyOf(emails);
    }

    /** Every SMS sent, in the order sent. */
    public synchronized List<SentSms> sentTexts() {
        return List.copyOf(texts);
    }

    public synchronized int events() {
        return events;
    }

    public synchronized int sesEvents() {
        return sesEvents;
    }

    public synchronized int emails() {
        return emails.size();
    }

    public synchronized int texts() {
        return texts.size();
    }
}
