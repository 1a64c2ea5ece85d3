package dev.aftercart.local;

import dev.aftercart.core.json.Json;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.port.EmailSender;
import dev.aftercart.core.port.SmsSender;
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
 * ({@code outbox/email/*.eml}), each SMS as one JSON line ({@code outbox/sms.jsonl}).
 */
public final class Outbox implements EmailSender, SmsSender {

    private final Path emailDir;
    private final Path smsFile;
    private final Clock clock;
    private final Map<String, String> emailFiles = new ConcurrentHashMap<>();
    private int emails;
    private int texts;

    public Outbox(Path outDir, Clock clock) {
        this.emailDir = outDir.resolve("outbox").resolve("email");
        this.smsFile = outDir.resolve("outbox").resolve("sms.jsonl");
        this.clock = clock;
        try {
            Files.createDirectories(emailDir);
            Files.writeString(smsFile, "");
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
        try {
            Files.writeString(smsFile, Json.write(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Delivery.Accepted("local-sms-" + texts);
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
