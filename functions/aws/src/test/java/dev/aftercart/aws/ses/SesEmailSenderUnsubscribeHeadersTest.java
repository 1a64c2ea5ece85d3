package dev.aftercart.aws.ses;

import static dev.aftercart.aws.stub.AwsHttpStub.fixture;
import static dev.aftercart.core.testing.Deliveries.EN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.aws.stub.AwsHttpStub;
import dev.aftercart.aws.stub.AwsHttpStub.Response;
import dev.aftercart.aws.stub.StubClients;
import dev.aftercart.core.engine.MessageOutcome;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.EmailTags;
import dev.aftercart.core.render.MimeWriter;
import dev.aftercart.core.testing.Deliveries;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * What SES receives for the email the engine composes, not a hand-made one: the shipped journeys
 * and templates with in-memory ports ({@link EngineHarness}) write the message, {@link SesEmailSender}
 * sends it to a local HTTP stub speaking SES v2. A marketing email (the review request) must carry
 * RFC 8058 one-click unsubscribe headers in its MIME; a transactional one must not.
 */
class SesEmailSenderUnsubscribeHeadersTest {

    private static final Instant SENT_AT = Instant.parse("2026-11-30T11:00:02Z");
    private static final String CONFIGURATION_SET = "aftercart-messages";

    private final EngineHarness harness = EngineHarness.create();
    private final Deliveries deliveries = new Deliveries(harness);
    private AwsHttpStub stub;
    private SesV2Client client;

    @BeforeEach
    void startStub() {
        stub = AwsHttpStub.start();
        client = StubClients.production(stub).ses();
        stub.respond(Response.json(200, fixture("ses/send-email-response.json")));
    }

    @AfterEach
    void stopStub() {
        client.close();
        stub.close();
    }

    /** Zephyrine ordered agreeing to marketing email; her parcel came and the review request fell due. */
    private EmailMessage reviewRequest() {
        deliveries.placeOrderWithMarketingConsent(EN.order());
        deliveries.ship(EN, "delivered", "2026-11-23T11:00:00Z");
        assertThat(deliveries.sendScheduledEmail(EN.customerId(), "review-request", "request"))
                .isInstanceOf(MessageOutcome.Sent.class);
        return harness.email.last();
    }

    @Test
    void send_marketingEmail_carriesBothOneClickHeaders_exactlyAsComposed() {
        EmailMessage email = reviewRequest();
        String token = new LinkTokens(Fixtures.LINK_KEY, Clock.fixed(harness.clock.instant(), ZoneOffset.UTC),
                Duration.ofDays(90)).issue(EN.customerId(), LinkTokens.EMAIL_MARKETING);

        send(email);

        Map<String, String> headers = unfoldedHeaders(rawMime());
        assertThat(headers).containsEntry("list-unsubscribe",
                "<https://shop.example/preferences/unsubscribe?t=" + token + ">, "
                        + "<mailto:unsubscribe@shop.example?subject=unsubscribe%20" + token + ">");
        assertThat(headers).containsEntry("list-unsubscribe-post", "List-Unsubscribe=One-Click");
    }

    @Test
    void send_marketingEmail_foldsTheLongHeaderAsRfc5322Allows() {
        send(reviewRequest());

        List<String> lines = headerLines(rawMime());
        int at = indexOfHeader(lines, "List-Unsubscribe");
        assertThat(lines.get(at).length() + lines.get(at + 1).length()).isGreaterThan(78);
        assertThat(lines.get(at + 1)).startsWith(" <mailto:");
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
    }

    @Test
    void send_marketingEmail_shouldSendTheExactRequest_taggedWithCustomerJourneyAndMessage() {
        EmailMessage email = reviewRequest();
        LedgerEntry entry = harness.entry(EN.customerId(), "review-request", "request", Channel.EMAIL);

        send(email);

        Map<String, Object> body = Json.parseObject(stub.onlyRequest().body());
        assertThat(stub.onlyRequest().path()).isEqualTo("/v2/email/outbound-emails");
        assertThat(body).containsOnlyKeys("FromEmailAddress", "Destination", "ConfigurationSetName", "EmailTags",
                "Content");
        assertThat(body.get("FromEmailAddress")).isEqualTo("orders@shop.example");
        assertThat(body.get("Destination")).isEqualTo(Map.of("ToAddresses", List.of("zephyrine.quill@example.com")));
        assertThat(body.get("ConfigurationSetName")).isEqualTo(CONFIGURATION_SET);
        assertThat(body.get("EmailTags")).isEqualTo(List.of(
                Map.of("Name", "customer", "Value", "c-1001"),
                Map.of("Name", "journey", "Value", "review-request"),
                Map.of("Name", "message", "Value", entry.messageId())));
        assertThat(rawMime()).isEqualTo(new String(MimeWriter.write(email, SENT_AT), StandardCharsets.US_ASCII));
    }

    @Test
    void send_transactionalEmail_hasNeitherUnsubscribeHeader() {
        deliveries.placeOrderWithMarketingConsent(EN.order());
        EmailMessage confirmation = harness.email.messages().get(0);

        send(confirmation);

        Map<String, String> headers = unfoldedHeaders(rawMime());
        assertThat(headers).containsKeys("from", "to", "subject", "message-id")
                .doesNotContainKeys("list-unsubscribe", "list-unsubscribe-post");
    }

    @Test
    void send_tagsACustomerIdSesWouldRefuse_encoded_soFeedbackFindsTheCustomer() {
        String customerId = "gid://shop/Customer/1001";
        deliveries.accept(Fixtures.set(Fixtures.event(EN.order()), "detail.customer.customerId", customerId));
        EmailMessage confirmation = harness.email.messages().get(0);

        send(confirmation);

        @SuppressWarnings("unchecked")
        List<Map<String, String>> tags = (List<Map<String, String>>) Json.parseObject(stub.onlyRequest().body())
                .get("EmailTags");
        String encoded = "b64-" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(customerId.getBytes(StandardCharsets.UTF_8));
        assertThat(tags.get(0)).isEqualTo(Map.of("Name", "customer", "Value", encoded));
        assertThat(encoded).isEqualTo(EmailTags.encode(customerId)).matches("[A-Za-z0-9_-]+");
        assertThat(EmailTags.decode(tags.get(0).get("Value"))).isEqualTo(customerId);
    }

    private void send(EmailMessage email) {
        new SesEmailSender(client, CONFIGURATION_SET, Clock.fixed(SENT_AT, ZoneOffset.UTC)).send(email);
    }

    /** {@code Content.Raw.Data} of the one request, base64-decoded. */
    @SuppressWarnings("unchecked")
    private String rawMime() {
        Map<String, Object> body = Json.parseObject(stub.onlyRequest().body());
        Map<String, Object> raw = (Map<String, Object>) ((Map<String, Object>) body.get("Content")).get("Raw");
        return new String(Base64.getDecoder().decode((String) raw.get("Data")), StandardCharsets.US_ASCII);
    }

    /** The physical lines of the header block, before the first empty line. */
    private static List<String> headerLines(String mime) {
        int end = mime.indexOf("\r\n\r\n");
        assertThat(end).as("end of the header block").isPositive();
        return List.of(mime.substring(0, end).split("\r\n", -1));
    }

    private static int indexOfHeader(List<String> lines, String name) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return i;
            }
        }
        throw new AssertionError("no " + name + " header in " + lines);
    }

    /**
     * The header block unfolded as RFC 5322 section 2.2.3 says (a CRLF followed by white space is
     * removed), by lower-case name. A header given twice fails the test.
     */
    private static Map<String, String> unfoldedHeaders(String mime) {
        List<String> fields = new ArrayList<>();
        for (String line : headerLines(mime)) {
            if (line.startsWith(" ") || line.startsWith("\t")) {
                assertThat(fields).as("a continuation line needs a header before it").isNotEmpty();
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + line);
            } else {
                fields.add(line);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String field : fields) {
            int colon = field.indexOf(':');
            String name = field.substring(0, colon).toLowerCase(Locale.ROOT);
            assertThat(headers).as("header " + name + " once").doesNotContainKey(name);
            headers.put(name, field.substring(colon + 1).stripLeading());
        }
        return headers;
    }
}
