package dev.aftercart.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aftercart.core.feedback.InboundSms;
import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link InboundSmsParser} against {@code infra/events/sms/inbound-stop.json}, the contract: an SNS
 * event as Lambda receives it from the topic two-way SMS publishes to. Edge cases are that sample
 * with one thing changed.
 */
class InboundSmsParserTest {

    private static final InboundSms STOP = new InboundSms("4b2d6f8a-1c3e-5a7b-9d0f-2e4a6c8b0d1f", "+14155550101",
            "Stop", Instant.parse("2026-11-16T17:12:44.918Z"));

    @Test
    void parse_readsTheSample_asTheTextItCarries() {
        assertThat(InboundSmsParser.parse(sample())).containsExactly(STOP);
    }

    @Test
    void parse_readsEveryRecord_inOrder() {
        Map<String, Object> event = sample();
        Map<String, Object> second = copy(record(event));
        sns(second).put("Timestamp", "2026-11-16T17:13:02.004Z");
        sns(second).put("Message", "{\"originationNumber\":\"+821055501234\",\"destinationNumber\":\"+18445550100\","
                + "\"messageKeyword\":\"HELP\",\"messageBody\":\"help\",\"inboundMessageId\":\"9c1e3a5b-7d9f-4b2c-8e0a-"
                + "1f3b5d7e9a2c\",\"previousPublishedMessageId\":null}");
        event.put("Records", List.of(record(event), second));

        assertThat(InboundSmsParser.parse(event)).containsExactly(STOP, new InboundSms(
                "9c1e3a5b-7d9f-4b2c-8e0a-1f3b5d7e9a2c", "+821055501234", "help",
                Instant.parse("2026-11-16T17:13:02.004Z")));
    }

    @Test
    void parse_keepsTheBodyAsSent_withItsSpacesAndCase() {
        Map<String, Object> event = sample();
        setMessage(event, "messageBody", "  stop all \n");

        assertThat(InboundSmsParser.parse(event)).extracting(InboundSms::body).containsExactly("  stop all \n");
    }

    @Test
    void parse_acceptsAnEmptyBody() {
        Map<String, Object> event = sample();
        setMessage(event, "messageBody", "");

        assertThat(InboundSmsParser.parse(event)).extracting(InboundSms::body).containsExactly("");
    }

    @Test
    void parse_ignoresFieldsItDoesNotRead() {
        Map<String, Object> event = sample();
        setMessage(event, "carrierName", "Example Wireless");
        setMessage(event, "messageKeyword", null);
        setMessage(event, "previousPublishedMessageId", null);

        assertThat(InboundSmsParser.parse(event)).containsExactly(STOP);
    }

    @Test
    void parse_rejectsAnEventWithoutRecords() {
        Map<String, Object> event = sample();
        event.put("Records", List.of());

        assertThat(failure(event)).hasMessage("invalid SNS event: Records: must be a non-empty array");
    }

    @Test
    void parse_rejectsARecordFromAnotherSource() {
        Map<String, Object> event = sample();
        record(event).put("EventSource", "aws:sqs");

        assertThat(failure(event)).hasMessage("invalid SNS event: Records[0].EventSource: must be \"aws:sns\"");
    }

    @Test
    void parse_rejectsAMessageThatIsNotJson() {
        Map<String, Object> event = sample();
        sns(record(event)).put("Message", "STOP from +14155550101");

        assertThat(failure(event).getMessage())
                .startsWith("invalid SNS event: Records[0].Sns.Message: must be a string holding a JSON object (")
                .doesNotContain("4155550101");
    }

    @Test
    void parse_rejectsAMessageThatIsAnObjectNotAString() {
        Map<String, Object> event = sample();
        sns(record(event)).put("Message", Map.of("originationNumber", "+14155550101"));

        assertThat(failure(event)).hasMessage(
                "invalid SNS event: Records[0].Sns.Message: must be a string holding a JSON object");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"4155550101", "+04155550101", "+1 415 555 0101", "+1415555010123456", "STOP"})
    void parse_rejectsAnOriginationNumberThatIsNotE164_withoutRepeatingIt(String number) {
        Map<String, Object> event = sample();
        setMessage(event, "originationNumber", number);

        IllegalArgumentException failure = failure(event);

        assertThat(failure).hasMessage("invalid SNS event: Records[0].Sns.Message.originationNumber: "
                + "must be an E.164 phone number such as +14155550123");
    }

    @Test
    void parse_rejectsATextWithoutInboundMessageId() {
        Map<String, Object> event = sample();
        setMessage(event, "inboundMessageId", " ");

        assertThat(failure(event)).hasMessage(
                "invalid SNS event: Records[0].Sns.Message.inboundMessageId: must be a non-empty string");
    }

    @Test
    void parse_rejectsATextWithoutBody() {
        Map<String, Object> event = sample();
        setMessage(event, "messageBody", null);

        assertThat(failure(event)).hasMessage(
                "invalid SNS event: Records[0].Sns.Message.messageBody: must be a string");
    }

    @Test
    void parse_rejectsATimestampThatIsNotAnInstant() {
        Map<String, Object> event = sample();
        sns(record(event)).put("Timestamp", "Mon, 16 Nov 2026 17:12:44 GMT");

        assertThat(failure(event)).hasMessage("invalid SNS event: Records[0].Sns.Timestamp: "
                + "must be an ISO 8601 UTC instant such as \"2026-11-20T10:00:00.000Z\"");
    }

    @Test
    void parse_reportsEveryBrokenRuleOfEveryRecord_withoutTheNumberOrTheText() {
        Map<String, Object> event = sample();
        Map<String, Object> second = copy(record(event));
        sns(second).remove("Timestamp");
        event.put("Records", new ArrayList<>(List.of(record(event), second)));
        setMessage(event, "originationNumber", "4155550101");
        setMessage(event, "messageBody", 42);
        setMessage(event, "inboundMessageId", null);

        IllegalArgumentException failure = failure(event);

        assertThat(failure).hasMessage("invalid SNS event: "
                + "Records[0].Sns.Message.inboundMessageId: must be a non-empty string; "
                + "Records[0].Sns.Message.originationNumber: must be an E.164 phone number such as +14155550123; "
                + "Records[0].Sns.Message.messageBody: must be a string; "
                + "Records[1].Sns.Timestamp: must be an ISO 8601 UTC instant such as \"2026-11-20T10:00:00.000Z\"");
        assertThat(failure.getMessage()).doesNotContain("4155550101", "Stop");
    }

    private static IllegalArgumentException failure(Map<String, Object> event) {
        return catchThrowableOfType(IllegalArgumentException.class, () -> InboundSmsParser.parse(event));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Map<String, Object> event) {
        return (Map<String, Object>) ((List<Object>) event.get("Records")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sns(Map<String, Object> record) {
        return (Map<String, Object>) record.get("Sns");
    }

    /** A record with its own Sns object, so changing one record leaves the other alone. */
    private static Map<String, Object> copy(Map<String, Object> record) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        copy.put("Sns", new LinkedHashMap<>(sns(record)));
        return copy;
    }

    /** Rewrites one field of the first record's message, which SNS carries as a JSON string. */
    private static void setMessage(Map<String, Object> event, String field, Object value) {
        Map<String, Object> sns = sns(record(event));
        Map<String, Object> message = Json.parseObject((String) sns.get("Message"));
        message.put(field, value);
        sns.put("Message", Json.write(message));
    }

    private static Map<String, Object> sample() {
        try {
            return Json.parseObject(Files.readString(samples().resolve("inbound-stop.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code infra/events/sms/}, found upwards from the module directory Surefire runs in. */
    private static Path samples() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path samples = dir.resolve("infra").resolve("events").resolve("sms");
            if (Files.isDirectory(samples)) {
                return samples;
            }
        }
        throw new IllegalStateException("no infra/events/sms above " + System.getProperty("user.dir"));
    }
}
