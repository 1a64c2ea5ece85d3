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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where sends go on the embedded default: each email as the RFC 5322 message SES would send
 * ({@code outbox/email/*.eml}), each SMS as one JSON line ({@code outbox/sms.jsonl}), and each
 * event for the store's systems as the EventBridge entry PutEvents would carry
 * ({@code outbox/events.jsonl}).
 */
public final class Outbox implements EmailSender, SmsSender, EventPublisher {

    private final Path emailDir;
    private final Path smsFile;
    private final Path eventsFile;
    private final Clock clock;
    private final Map<String, String> emailFiles = new ConcurrentHashMap<>();
    private int emails;
    private int texts;
    private int events;

    public Outbox(Path outDir, Clock clock) {
        this.emailDir = outDir.resolve("outbox").resolve("email");
        this.smsFile = outDir.resolve("outbox").resolve("sms.jsonl");
        this.eventsFile = outDir.resolve("outbox").resolve("events.jsonl");
        this.clock = clock;
        try {
            Files.createDirectories(emailDir);
            Files.writeString(smsFile, "");
            Files.writeString(eventsFile, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized Delivery send(EmailMessage message) {
        emails++;
        String file = String.format("%04d-%s.eml", emails, message.messageId());
        try {
            Files.write(emailDir.resolve(file), MimeWriter.write(message, clock.instant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        emailFiles.put(message.messageId(), "outbox/email/" + file);
        return new Delivery.Accepted("local-email-" + emails);
    }

    @Override
    public synchronized Delivery send(SmsMessage message) {
        texts++;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("to", message.to());
        line.put("body", message.body());
        line.put("segments", message.segments());
        line.put("encoding", message.encoding().name());
        line.put("sentAt", clock.instant().toString());
        line.put("journey", message.journeyId());
        line.put("messageId", message.messageId());
        append(smsFile, Json.write(line));
        return new Delivery.Accepted("local-sms-" + texts);
    }

    @Override
    public synchronized Delivery publish(BusEvent event) {
        events++;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("Source", BusEvent.SOURCE);
        entry.put("DetailType", event.detailType());
        entry.put("Time", clock.instant().toString());
        entry.put("Detail", event.detail());
        append(eventsFile, Json.write(entry));
        return new Delivery.Accepted("local-event-" + events);
    }

    public synchronized int events() {
        return events;
    }

    private static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outbox file an email was written to, relative to the output directory. */
    public String emailFile(String messageId) {
        return emailFiles.get(messageId);
    }

    public synchronized int emails() {
        return emails;
    }

    public synchronized int texts() {
        return texts;
    }
}
