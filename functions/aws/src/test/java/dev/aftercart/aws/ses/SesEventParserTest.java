package dev.aftercart.aws.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aftercart.core.feedback.EmailFeedback;
import dev.aftercart.core.feedback.EmailFeedback.Type;
import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SesEventParser} against the sample events in {@code infra/events/ses/}, which are the
 * contract: SES configuration-set events as EventBridge delivers them, carrying the tags
 * {@code SesEmailSender} sends. Edge cases are those samples with one thing changed.
 */
class SesEventParserTest {

    private static final String CUSTOMER = "cus-1001";
    private static final String MESSAGE = "q2m4n6p8r2t4v6x8z2b4d6k3v7";
    private static final String EMMA = "emma.johnson@example.com";

    /** Every sample, what it must read as, and when. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "send.json,                SENT,                2026-11-16T17:05:01.412Z",
        "delivery.json,            DELIVERED,           2026-11-16T17:05:03.127Z",
        "bounce-permanent.json,    BOUNCED_PERMANENTLY, 2026-11-16T17:05:04.305Z",
        "bounce-transient.json,    BOUNCED_TRANSIENTLY, 2026-11-17T05:05:11.842Z",
        "bounce-undetermined.json, BOUNCED_TRANSIENTLY, 2026-11-16T17:06:20.018Z",
        "complaint.json,           COMPLAINED,          2026-11-18T08:12:45Z",
        "open.json,                OPENED,              2026-11-16T18:41:09.633Z",
        "click.json,               CLICKED,             2026-11-16T18:41:37.210Z",
    })
    void parse_readsEachSample_asOneFeedbackForItsRecipient(String file, Type type, Instant at) {
        List<EmailFeedback> feedback = SesEventParser.parse(sample(file));

        assertThat(feedback).containsExactly(new EmailFeedback(CUSTOMER, MESSAGE, type, EMMA, at));
    }

    @Test
    void samples_areExactlyTheOnesThisTestReads() throws IOException {
        try (Stream<Path> files = Files.list(samples())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "send.json", "delivery.json", "bounce-permanent.json", "bounce-transient.json",
                    "bounce-undetermined.json", "complaint.json", "open.json", "click.json");
        }
    }

    @Test
    void parse_givesNullIds_whenTheMailHasNoTags() {
        Map<String, Object> event = sample("bounce-permanent.json");
        map(event, "detail", "mail").remove("tags");

        assertThat(SesEventParser.parse(event)).containsExactly(new EmailFeedback(null, null,
                Type.BOUNCED_PERMANENTLY, EMMA, Instant.parse("2026-11-16T17:05:04.305Z")));
    }

    @Test
    void parse_givesNullIds_whenOnlySesOwnTagsArePresent() {
        Map<String, Object> event = sample("complaint.json");
        Map<String, Object> tags = map(event, "detail", "mail", "tags");
        tags.remove("customer");
        tags.remove("message");

        assertThat(SesEventParser.parse(event)).singleElement().satisfies(feedback -> {
            assertThat(feedback.customerId()).isNull();
            assertThat(feedback.messageId()).isNull();
            assertThat(feedback.type()).isEqualTo(Type.COMPLAINED);
            assertThat(feedback.recipient()).isEqualTo(EMMA);
        });
    }

    @Test
    void parse_takesTheFirstValueOfEachTag() {
        Map<String, Object> event = sample("delivery.json");
        map(event, "detail", "mail", "tags").put("customer", List.of("cus-2002", "cus-3003"));

        assertThat(SesEventParser.parse(event)).extracting(EmailFeedback::customerId).containsExactly("cus-2002");
    }

    @Test
    void parse_givesOneFeedbackPerBouncedRecipient_inOrder() {
        Map<String, Object> event = sample("bounce-permanent.json");
        map(event, "detail", "bounce").put("bouncedRecipients", List.of(
                Map.of("emailAddress", EMMA, "status", "5.1.1"),
                Map.of("emailAddress", "olivia.brown@example.com", "status", "5.1.1")));

        assertThat(SesEventParser.parse(event)).extracting(EmailFeedback::recipient, EmailFeedback::type)
                .containsExactly(
                        tuple(EMMA, Type.BOUNCED_PERMANENTLY),
                        tuple("olivia.brown@example.com", Type.BOUNCED_PERMANENTLY));
    }

    @Test
    void parse_givesOneFeedbackPerDeliveredRecipient_notPerDestination() {
        Map<String, Object> event = sample("delivery.json");
        map(event, "detail", "mail").put("destination", List.of(EMMA, "olivia.brown@example.com"));

        assertThat(SesEventParser.parse(event)).extracting(EmailFeedback::recipient).containsExactly(EMMA);
    }

    @Test
    void parse_readsABounceTypeItDoesNotKnow_asTransient() {
        Map<String, Object> event = sample("bounce-permanent.json");
        map(event, "detail", "bounce").put("bounceType", "Soft");

        assertThat(SesEventParser.parse(event)).extracting(EmailFeedback::type)
                .containsExactly(Type.BOUNCED_TRANSIENTLY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Email Delivery Delayed", "Email Rejected", "Email Rendering Failed",
        "Email Rendering Failure", "Email Subscribed", "Sending Status Disabled", "Email Archived"})
    void parse_givesNothing_forDetailTypesItDoesNotRead_whateverTheirDetail(String detailType) {
        Map<String, Object> event = sample("delivery.json");
        event.put("detail-type", detailType);
        event.remove("detail");

        assertThat(SesEventParser.parse(event)).isEmpty();
    }

    @Test
    void parse_rejectsAnEventFromAnotherSource() {
        Map<String, Object> event = sample("delivery.json");
        event.put("source", "shop.orders");

        assertThat(failure(event)).hasMessage("invalid SES event: source: must be \"aws.ses\"");
    }

    @Test
    void parse_rejectsAnEventWithoutDetailType() {
        Map<String, Object> event = sample("delivery.json");
        event.remove("detail-type");

        assertThat(failure(event)).hasMessage("invalid SES event: detail-type: must be a string");
    }

    @Test
    void parse_rejectsABounceWithoutItsBounceObject() {
        Map<String, Object> event = sample("bounce-permanent.json");
        map(event, "detail").remove("bounce");

        assertThat(failure(event)).hasMessage("invalid SES event: detail.bounce: must be an object");
    }

    @Test
    void parse_rejectsAnEventWithoutMail() {
        Map<String, Object> event = sample("send.json");
        map(event, "detail").remove("mail");

        assertThat(failure(event)).hasMessage("invalid SES event: detail.mail: must be an object");
    }

    @Test
    void parse_rejectsABounceWithoutBounceType() {
        Map<String, Object> event = sample("bounce-transient.json");
        map(event, "detail", "bounce").remove("bounceType");

        assertThat(failure(event))
                .hasMessage("invalid SES event: detail.bounce.bounceType: must be a non-empty string");
    }

    @Test
    void parse_rejectsABouncedRecipientWithoutAnAddress_namingItsIndex() {
        Map<String, Object> event = sample("bounce-permanent.json");
        map(event, "detail", "bounce").put("bouncedRecipients", List.of(Map.of("emailAddress", EMMA),
                Map.of("status", "5.1.1")));

        assertThat(failure(event)).hasMessage(
                "invalid SES event: detail.bounce.bouncedRecipients[1].emailAddress: must be a non-empty string");
    }

    @Test
    void parse_rejectsAComplaintWithNoRecipients() {
        Map<String, Object> event = sample("complaint.json");
        map(event, "detail", "complaint").put("complainedRecipients", List.of());

        assertThat(failure(event)).hasMessage(
                "invalid SES event: detail.complaint.complainedRecipients: must be a non-empty array");
    }

    @Test
    void parse_rejectsATagThatIsNotAList() {
        Map<String, Object> event = sample("open.json");
        map(event, "detail", "mail", "tags").put("customer", CUSTOMER);

        assertThat(failure(event)).hasMessage(
                "invalid SES event: detail.mail.tags.customer: must be a list whose first value is a non-empty string");
    }

    @Test
    void parse_reportsEveryBrokenRule_withoutAnyValue() {
        Map<String, Object> event = sample("delivery.json");
        map(event, "detail", "delivery").put("timestamp", "16/11/2026 17:05 " + EMMA);
        map(event, "detail", "delivery").put("recipients", List.of(EMMA, ""));
        map(event, "detail", "mail", "tags").put("message", List.of());

        IllegalArgumentException failure = failure(event);

        assertThat(failure).hasMessage("invalid SES event: "
                + "detail.mail.tags.message: must be a list whose first value is a non-empty string; "
                + "detail.delivery.timestamp: must be an ISO 8601 UTC instant such as \"2026-11-20T10:00:00.000Z\"; "
                + "detail.delivery.recipients[1]: must be a non-empty string");
        assertThat(failure.getMessage()).doesNotContain("emma", "16/11/2026");
    }

    private static IllegalArgumentException failure(Map<String, Object> event) {
        return catchThrowableOfType(IllegalArgumentException.class, () -> SesEventParser.parse(event));
    }

    /** A nested object of a parsed sample, to change in place. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> root, String... path) {
        Map<String, Object> map = root;
        for (String name : path) {
            map = (Map<String, Object>) map.get(name);
        }
        return map;
    }

    private static Map<String, Object> sample(String file) {
        try {
            return Json.parseObject(Files.readString(samples().resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code infra/events/ses/}, found upwards from the module directory Surefire runs in. */
    static Path samples() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path samples = dir.resolve("infra").resolve("events").resolve("ses");
            if (Files.isDirectory(samples)) {
                return samples;
            }
        }
        throw new IllegalStateException("no infra/events/ses above " + System.getProperty("user.dir"));
    }
}
