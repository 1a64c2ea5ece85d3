package dev.aftercart.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.aws.ses.SesEventParser;
import dev.aftercart.core.feedback.EmailFeedback;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.EmailTags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The local SES publishes what SES publishes: the same fields as the samples in
 * {@code infra/events/ses/} (the contract the feedback function is tested against), read by the
 * same parser, and the mailbox simulator's addresses bounce, complain or deliver as on SES.
 */
class LocalSesEventsTest {

    private static final Path SAMPLES = Path.of("../../infra/events/ses");
    private static final Instant AT = Instant.parse("2026-11-18T15:00:00.250Z");

    private final LocalSesEvents ses = new LocalSesEvents("aftercart-local-messages");

    @Test
    void ordinaryAddress_isSentThenDelivered_withTheSamplesFields() throws IOException {
        List<Map<String, Object>> events = ses.after(email("emma@example.com"), "ses-1", AT);

        assertThat(events).extracting(e -> e.get("detail-type")).containsExactly("Email Sent", "Email Delivered");
        assertThat(paths(events.get(0))).isEqualTo(paths(sample("send.json")));
        assertThat(paths(events.get(1))).isEqualTo(paths(sample("delivery.json")));
    }

    @Test
    void bounceSimulator_bouncesPermanently_withTheSamplesFields() throws IOException {
        List<Map<String, Object>> events = ses.after(email("bounce@simulator.amazonses.com"), "ses-1", AT);

        assertThat(events).extracting(e -> e.get("detail-type")).containsExactly("Email Sent", "Email Bounced");
        assertThat(paths(events.get(1))).isEqualTo(paths(sample("bounce-permanent.json")));
        assertThat(feedback(events.get(1))).extracting(EmailFeedback::type).containsExactly(
                EmailFeedback.Type.BOUNCED_PERMANENTLY);
    }

    @Test
    void complaintSimulator_isDeliveredThenComplainedAbout_withTheSamplesFields() throws IOException {
        List<Map<String, Object>> events = ses.after(email("complaint+label@Simulator.AmazonSES.com"), "ses-1", AT);

        assertThat(events).extracting(e -> e.get("detail-type"))
                .containsExactly("Email Sent", "Email Delivered", "Email Complaint Received");
        assertThat(paths(events.get(2))).isEqualTo(paths(sample("complaint.json")));
        assertThat(feedback(events.get(2))).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(EmailFeedback.Type.COMPLAINED);
            assertThat(f.customerId()).isEqualTo("gid://shop/Customer/7");
            assertThat(f.messageId()).isEqualTo("m-1");
            assertThat(f.recipient()).isEqualTo("complaint+label@Simulator.AmazonSES.com");
            assertThat(f.at()).isEqualTo(AT);
        });
    }

    @Test
    void suppressionListSimulator_bouncesAsOnTheAccountSuppressionList() {
        Map<String, Object> bounce = ses.after(email("suppressionlist@simulator.amazonses.com"), "ses-1", AT).get(1);

        assertThat(Json.write(bounce)).contains("\"bounceType\":\"Permanent\"",
                "\"bounceSubType\":\"OnAccountSuppressionList\"", "on the suppression list for your account");
        assertThat(feedback(bounce)).extracting(EmailFeedback::type)
                .containsExactly(EmailFeedback.Type.BOUNCED_PERMANENTLY);
    }

    @Test
    void outOfOfficeSimulator_isDelivered() {
        assertThat(ses.after(email("ooto@simulator.amazonses.com"), "ses-1", AT)).extracting(e -> e.get("detail-type"))
                .containsExactly("Email Sent", "Email Delivered");
    }

    @Test
    void everyEvent_carriesTheMessageTags_theConfigurationSet_andTheSesMessageId() {
        for (Map<String, Object> event : ses.after(email("complaint@simulator.amazonses.com"), "ses-1", AT)) {
            String json = Json.write(event);
            assertThat(json).contains("\"ses:configuration-set\":[\"aftercart-local-messages\"]",
                    "\"journey\":[\"order-confirmation\"]", "\"message\":[\"m-1\"]",
                    "\"customer\":[\"" + EmailTags.encode("gid://shop/Customer/7") + "\"]", "\"messageId\":\"ses-1\"",
                    "\"time\":\"2026-11-18T15:00:00Z\"", "configuration-set/aftercart-local-messages\"]");
        }
    }

    private static EmailMessage email(String to) {
        return new EmailMessage("m-1", "orders@shop.example", "Example Store", to, "Your order #2001 is confirmed",
                "<html><body>Hi</body></html>", "Hi", Map.of("List-Unsubscribe", "<https://x.example/u?t=1>"),
                Map.of("journey", "order-confirmation", "message", "m-1",
                        "customer", EmailTags.encode("gid://shop/Customer/7")));
    }

    private static List<EmailFeedback> feedback(Map<String, Object> event) {
        return SesEventParser.parse(Json.parseObject(Json.write(event)));
    }

    private static Map<String, Object> sample(String name) throws IOException {
        return Json.parseObject(Files.readString(SAMPLES.resolve(name)));
    }

    /** Every field path of an event, the items of an array merged. */
    private static TreeSet<String> paths(Object node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(Object node, String path, TreeSet<String> paths) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String child = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                paths.add(child);
                collect(value, child, paths);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, path + "[]", paths));
        }
    }
}
