package dev.aftercart.aws.eventbridge;

import static dev.aftercart.aws.stub.AwsHttpStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.aws.stub.AwsHttpStub;
import dev.aftercart.aws.stub.AwsHttpStub.Request;
import dev.aftercart.aws.stub.AwsHttpStub.Response;
import dev.aftercart.aws.stub.LogCapture;
import dev.aftercart.aws.stub.StubClients;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.render.BusEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** {@link EventBridgeEventPublisher} against real EventBridge clients and a local HTTP stub speaking AWS JSON 1.1. */
class EventBridgeEventPublisherTest {

    private static final String BUS = "aftercart-shop";
    private static final String EVENT_ID = "11710aed-b79e-4468-a20b-bb3c0c3b4860";
    private static final String MESSAGE_ID = "k3v7q2m4n6p8r2t4v6x8z2b4d6";

    private static final BusEvent EVENT = new BusEvent(MESSAGE_ID, "Service Recovery Requested", Map.of(
            "customerId", "cus_8842",
            "journey", "review-recovery",
            "messageId", MESSAGE_ID,
            "orderId", "A-1001",
            "productId", "선크림-SPF50",
            "rating", "1",
            "locale", "ko-KR"));

    private AwsHttpStub stub;
    private EventBridgeClient client;

    @BeforeEach
    void startStub() {
        stub = AwsHttpStub.start();
        client = StubClients.production(stub).eventBridge();
    }

    @AfterEach
    void stopStub() {
        client.close();
        stub.close();
    }

    /** Puts failed entries again without pausing, so tests of the attempts stay fast. */
    private EventBridgeEventPublisher publisher(EventBridgeClient client) {
        return new EventBridgeEventPublisher(client, BUS, Duration.ZERO);
    }

    private EventBridgeEventPublisher publisher() {
        return publisher(client);
    }

    private static Response accepted() {
        return Response.awsJson(200, fixture("eventbridge/put-events-response.json"));
    }

    /** A 200 whose one entry failed, as PutEvents reports it. */
    private static Response failedEntry(String code) {
        return Response.awsJson(200, fixture("eventbridge/put-events-failed-entry-response.json",
                Map.of("code", code, "message", "Event for cus_8842 (minji@example.com) was not put")));
    }

    @Test
    void publish_shouldPutOneEntryUnderAftercartSource_onTheConfiguredBus() {
        stub.respond(accepted());

        publisher().publish(EVENT);

        Request request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.header("X-Amz-Target")).isEqualTo("AWSEvents.PutEvents");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=test/")
                .contains("/us-east-1/events/aws4_request");
        assertThat(Json.parseObject(request.body())).isEqualTo(Map.of("Entries", List.of(Map.of(
                "Source", "aftercart",
                "DetailType", "Service Recovery Requested",
                "Detail", "{\"customerId\":\"cus_8842\",\"journey\":\"review-recovery\",\"locale\":\"ko-KR\","
                        + "\"messageId\":\"" + MESSAGE_ID + "\",\"orderId\":\"A-1001\","
                        + "\"productId\":\"선크림-SPF50\",\"rating\":\"1\"}",
                "EventBusName", BUS))));
    }

    @Test
    void publish_writesTheSameDetail_forTheSameEvent_sortingKeysAtEveryLevel() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("total", "54000");
        order.put("currency", "KRW");
        BusEvent nested = new BusEvent(MESSAGE_ID, "Service Recovery Requested",
                Map.of("order", order, "items", List.of(Map.of("quantity", 2, "productId", "green-tea"))));
        stub.respond(accepted(), accepted());

        publisher().publish(nested);
        publisher().publish(new BusEvent(MESSAGE_ID, "Service Recovery Requested", new LinkedHashMap<>(nested.detail())));

        List<Request> requests = stub.requests();
        assertThat(detail(requests.get(0))).isEqualTo(
                "{\"items\":[{\"productId\":\"green-tea\",\"quantity\":2}],\"order\":{\"currency\":\"KRW\",\"total\":\"54000\"}}");
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
    }

    @Test
    void publish_acceptsWithTheEventId_whenTheEntryIsPut() {
        stub.respond(accepted());

        Delivery delivery = publisher().publish(EVENT);

        assertThat(delivery).isEqualTo(new Delivery.Accepted(EVENT_ID));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "AccessDeniedException",
        "InvalidAccountIdException",
        "InvalidArgument",
        "MalformedDetail",
        "RedactionFailure",
        "NotAuthorizedForSourceException",
        "NotAuthorizedForDetailTypeException",
    })
    void publish_refusesPermanentlyAtOnce_whenTheEntryFailsWithANonRetryableCode(String code) {
        stub.respond(failedEntry(code));

        Delivery delivery = publisher().publish(EVENT);

        assertThat(delivery).isEqualTo(new Delivery.Refused(code, true));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void publish_putsTheEntryAgain_whenItFailedRetryably_thenAccepts() {
        stub.respond(failedEntry("ThrottlingException"), accepted());

        Delivery delivery = new EventBridgeEventPublisher(client, BUS).publish(EVENT);

        assertThat(delivery).isEqualTo(new Delivery.Accepted(EVENT_ID));
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).body()).isEqualTo(stub.requests().get(0).body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ThrottlingException", "InternalFailure"})
    void publish_refusesTransiently_whenRetryableEntryFailuresOutlastTheAttempts(String code) {
        stub.otherwise(failedEntry(code));

        Delivery delivery = publisher().publish(EVENT);

        assertThat(delivery).isEqualTo(new Delivery.Refused(code, false));
        assertThat(stub.requests()).hasSize(EventBridgeEventPublisher.ATTEMPTS);
    }

    @Test
    void publish_refusesTransientlyWithoutPuttingAgain_whenTheEntryHasNeitherIdNorError() {
        stub.respond(Response.awsJson(200, "{\"FailedEntryCount\":0,\"Entries\":[{}]}"));

        Delivery delivery = publisher().publish(EVENT);

        assertThat(delivery).isEqualTo(new Delivery.Refused("no_event_id", false));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void publish_retriesThrottlingThenAccepts() {
        stub.respond(Response.awsJsonError(400, "ThrottlingException", "Rate exceeded"), accepted());

        Delivery delivery = publisher().publish(EVENT);

        assertThat(delivery).isEqualTo(new Delivery.Accepted(EVENT_ID));
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).body()).isEqualTo(stub.requests().get(0).body());
    }

    @Test
    void publish_refusesTransiently_whenThrottlingOutlastsTheRetries() {
        try (EventBridgeClient fast = StubClients.withoutBackoff(EventBridgeClient.builder(), stub)) {
            stub.otherwise(Response.awsJsonError(400, "ThrottlingException", "Rate exceeded"));

            Delivery delivery = publisher(fast).publish(EVENT);

            assertThat(delivery).isEqualTo(new Delivery.Refused("ThrottlingException", false));
            assertThat(stub.requests()).hasSize(3);
        }
    }

    @Test
    void publish_refusesTransiently_whenServerErrorsOutlastTheRetries() {
        stub.otherwise(Response.awsJsonError(500, "InternalException", "An internal error occurred."));

        Delivery delivery = publisher().publish(EVENT);

        assertThat(delivery).isEqualTo(new Delivery.Refused("InternalException", false));
        assertThat(stub.requests()).hasSize(3);
    }

    @ParameterizedTest(name = "{0} ({1}) -> permanent={2}")
    @CsvSource({
        "AccessDeniedException,     400, true",
        "ValidationException,       400, true",
        "ResourceNotFoundException, 400, true",
        "LimitExceededException,    400, false",
    })
    void publish_refusesWithoutRetry_onDocumentedClientErrors(String code, int status, boolean permanent) {
        stub.respond(Response.awsJsonError(status, code, "Event bus aftercart-shop does not exist."));

        Delivery delivery = publisher().publish(EVENT);

        assertThat(delivery).isEqualTo(new Delivery.Refused(code, permanent));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void publish_refusesWithNetworkError_whenTheEndpointIsUnreachable() {
        stub.close();

        Delivery delivery = publisher().publish(EVENT);

        assertThat(delivery).isEqualTo(new Delivery.Refused("network_error", false));
    }

    @Test
    void publish_logsOnlyIdsAndCodes_whenTheEntryIsRefused() {
        stub.respond(failedEntry("MalformedDetail"));

        try (LogCapture log = LogCapture.start()) {
            publisher().publish(EVENT);

            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("\"event\":\"event_refused\"", "\"messageId\":\"" + MESSAGE_ID + "\"",
                            "\"detailType\":\"Service Recovery Requested\"", "\"code\":\"MalformedDetail\"")
                    .doesNotContain("[redacted]", "minji", "cus_8842", "선크림", "was not put"));
        }
    }

    @Test
    void publish_callsOnlyOperationsGrantedByIamActions() {
        stub.respond(accepted(), failedEntry("MalformedDetail"), Response.awsJsonError(400, "AccessDeniedException", "No"));

        publisher().publish(EVENT);
        publisher().publish(EVENT);
        publisher().publish(EVENT);

        Set<String> operations = stub.requests().stream()
                .map(EventBridgeEventPublisherTest::operation)
                .collect(Collectors.toSet());
        assertThat(operations).containsExactly("events:PutEvents");
        assertThat(EventBridgeEventPublisher.IAM_ACTIONS).containsExactlyElementsOf(operations);
    }

    /** The IAM action for a recorded AWS JSON request, by its target. */
    private static String operation(Request request) {
        String target = request.header("X-Amz-Target");
        return target != null && target.startsWith("AWSEvents.")
                ? "events:" + target.substring("AWSEvents.".length())
                : "unknown " + request.method() + " " + request.path();
    }

    @SuppressWarnings("unchecked")
    private static String detail(Request request) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) Json.parseObject(request.body()).get("Entries");
        return (String) entries.get(0).get("Detail");
    }
}
