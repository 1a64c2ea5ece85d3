package dev.aftercart.aws.ses;

import static dev.aftercart.aws.stub.AwsHttpStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.aws.stub.AwsHttpStub;
import dev.aftercart.aws.stub.AwsHttpStub.Request;
import dev.aftercart.aws.stub.AwsHttpStub.Response;
import dev.aftercart.aws.stub.LogCapture;
import dev.aftercart.aws.stub.StubClients;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.render.EmailMessage;
import dev.aftercart.core.render.MimeWriter;
import dev.aftercart.core.testing.MimeReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** {@link SesEmailSender} against real SES v2 clients and a local HTTP stub speaking REST-JSON. */
class SesEmailSenderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:04:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String CONFIGURATION_SET = "aftercart-transactional";
    private static final String SES_MESSAGE_ID = "010001932f3c8a1e-6d1c2e4b-7f0a-4c1d-9b2e-3a5f8c7d6e10-000000";

    private static final EmailMessage MESSAGE = new EmailMessage(
            "k3v7q2m4n6p8r2t4v6x8z2b4d6",
            "orders@shop.example",
            "Shop Example",
            "jane.doe@example.com",
            "Your order 1001 is confirmed",
            "<p>Thanks, Jan\u00e9! Your order is on its way.</p>",
            "Thanks, Jan\u00e9! Your order is on its way.",
            Map.of("List-Unsubscribe", "<https://shop.example/u/t0k3n>"),
            Map.of("journey", "order_confirmation", "message_id", "k3v7q2m4n6p8r2t4v6x8z2b4d6"));

    private AwsHttpStub stub;
    private SesV2Client client;

    @BeforeEach
    void startStub() {
        stub = AwsHttpStub.start();
        client = StubClients.production(stub).ses();
    }

    @AfterEach
    void stopStub() {
        client.close();
        stub.close();
    }

    private SesEmailSender sender(SesV2Client client) {
        return new SesEmailSender(client, CONFIGURATION_SET, CLOCK);
    }

    private static Response accepted() {
        return Response.json(200, fixture("ses/send-email-response.json"));
    }

    @Test
    void send_shouldSendRawMimeWithConfigurationSetAndTags() {
        stub.respond(accepted());

        Delivery delivery = sender(client).send(MESSAGE);

        assertThat(delivery).isEqualTo(new Delivery.Accepted(SES_MESSAGE_ID));
        Request request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v2/email/outbound-emails");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=test/")
                .contains("/us-east-1/ses/aws4_request");
        Map<String, Object> body = Json.parseObject(request.body());
        assertThat(body).containsOnlyKeys("FromEmailAddress", "Destination", "ConfigurationSetName", "EmailTags",
                "Content");
        assertThat(body.get("FromEmailAddress")).isEqualTo("orders@shop.example");
        assertThat(body.get("Destination")).isEqualTo(Map.of("ToAddresses", List.of("jane.doe@example.com")));
        assertThat(body.get("ConfigurationSetName")).isEqualTo(CONFIGURATION_SET);
        assertThat(body.get("EmailTags")).isEqualTo(List.of(
                Map.of("Name", "journey", "Value", "order_confirmation"),
                Map.of("Name", "message_id", "Value", "k3v7q2m4n6p8r2t4v6x8z2b4d6")));
    }

    @Test
    void send_shouldSendTheOutboxBytes_whichDecodeToTheMessage() {
        stub.respond(accepted());

        sender(client).send(MESSAGE);

        Map<String, Object> body = Json.parseObject(stub.onlyRequest().body());
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) ((Map<String, Object>) body.get("Content")).get("Raw");
        byte[] sent = Base64.getDecoder().decode((String) raw.get("Data"));
        assertThat(sent).isEqualTo(MimeWriter.write(MESSAGE, NOW));
        MimeReader.Message mime = MimeReader.read(sent);
        assertThat(mime.header("From")).isEqualTo("Shop Example <orders@shop.example>");
        assertThat(mime.header("To")).isEqualTo("<jane.doe@example.com>");
        assertThat(mime.header("Subject")).isEqualTo("Your order 1001 is confirmed");
        assertThat(mime.header("Date")).isEqualTo("Sun, 22 Nov 2026 09:04:30 GMT");
        assertThat(mime.header("List-Unsubscribe")).isEqualTo("<https://shop.example/u/t0k3n>");
        assertThat(mime.header("Content-Type")).startsWith("multipart/alternative;");
        assertThat(mime.parts()).extracting(part -> part.headers().get("content-type"))
                .containsExactly("text/plain; charset=UTF-8", "text/html; charset=UTF-8");
        assertThat(mime.parts()).extracting(MimeReader.Part::text)
                .containsExactly(MESSAGE.text(), MESSAGE.html());
    }

    @Test
    void send_retriesThrottlingThenAccepts() {
        stub.respond(Response.restJsonError(429, "TooManyRequestsException", "Maximum sending rate exceeded."),
                accepted());

        Delivery delivery = sender(client).send(MESSAGE);

        assertThat(delivery).isEqualTo(new Delivery.Accepted(SES_MESSAGE_ID));
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).body()).isEqualTo(stub.requests().get(0).body());
    }

    @Test
    void send_refusesTransiently_whenThrottlingOutlastsTheRetries() {
        try (SesV2Client fast = StubClients.withoutBackoff(SesV2Client.builder(), stub)) {
            stub.otherwise(Response.restJsonError(429, "TooManyRequestsException", "Maximum sending rate exceeded."));

            Delivery delivery = sender(fast).send(MESSAGE);

            assertThat(delivery).isEqualTo(new Delivery.Refused("TooManyRequestsException", false));
            assertThat(stub.requests()).hasSize(3);
        }
    }

    @Test
    void send_refusesTransiently_whenServerErrorsOutlastTheRetries() {
        stub.otherwise(Response.restJsonError(500, "InternalFailure", "We encountered an internal error."));

        Delivery delivery = sender(client).send(MESSAGE);

        assertThat(delivery).isEqualTo(new Delivery.Refused("InternalFailure", false));
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void send_refusesTransiently_whenUnavailableWithoutAnErrorCode() {
        stub.otherwise(new Response(503, Map.of("Content-Type", "text/html"), "<html>Service Unavailable</html>"));

        Delivery delivery = sender(client).send(MESSAGE);

        assertThat(delivery).isEqualTo(new Delivery.Refused("http_503", false));
        assertThat(stub.requests()).hasSize(3);
    }

    @ParameterizedTest(name = "{0} ({1}) -> permanent={2}")
    @CsvSource({
        "MessageRejected,                    400, true",
        "MailFromDomainNotVerifiedException, 400, true",
        "AccountSuspendedException,          400, true",
        "NotFoundException,                  404, true",
        "BadRequestException,                400, true",
        "SendingPausedException,             400, false",
        "LimitExceededException,             400, false",
    })
    void send_refusesWithoutRetry_onDocumentedClientErrors(String code, int status, boolean permanent) {
        stub.respond(Response.restJsonError(status, code, "Email address is not verified: jane.doe@example.com"));

        Delivery delivery = sender(client).send(MESSAGE);

        assertThat(delivery).isEqualTo(new Delivery.Refused(code, permanent));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void send_refusesWithNetworkError_whenTheEndpointIsUnreachable() {
        stub.close();

        Delivery delivery = sender(client).send(MESSAGE);

        assertThat(delivery).isEqualTo(new Delivery.Refused("network_error", false));
    }

    @Test
    void send_logsOnlyIdsAndCodes_whenRefused() {
        stub.respond(Response.restJsonError(400, "MessageRejected",
                "Email address is not verified. The following identities failed the check: jane.doe@example.com"));

        try (LogCapture log = LogCapture.start()) {
            sender(client).send(MESSAGE);

            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("\"event\":\"email_refused\"", "\"messageId\":\"k3v7q2m4n6p8r2t4v6x8z2b4d6\"",
                            "\"code\":\"MessageRejected\"", "\"awsRequestId\":\"stub-request-id\"")
                    // Nothing was there to redact, and no content or service text got in.
                    .doesNotContain("[redacted]", "jane", "Jan\u00e9", "order 1001", "not verified"));
        }
    }

    @Test
    void send_callsOnlyOperationsGrantedByIamActions() {
        stub.respond(accepted(), Response.restJsonError(400, "MessageRejected", "Rejected"));

        sender(client).send(MESSAGE);
        sender(client).send(MESSAGE);

        Set<String> operations = stub.requests().stream().map(SesEmailSenderTest::operation).collect(Collectors.toSet());
        assertThat(operations).containsExactly("ses:SendEmail");
        assertThat(SesEmailSender.IAM_ACTIONS).containsAll(operations);
    }

    /** The IAM action for a recorded SES v2 request, by its REST route. */
    private static String operation(Request request) {
        if (request.method().equals("POST") && request.path().equals("/v2/email/outbound-emails")) {
            return "ses:SendEmail";
        }
        return "unknown " + request.method() + " " + request.path();
    }
}
