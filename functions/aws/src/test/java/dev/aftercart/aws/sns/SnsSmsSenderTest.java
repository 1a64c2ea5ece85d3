package dev.aftercart.aws.sns;

import static dev.aftercart.aws.stub.AwsHttpStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.aws.stub.AwsHttpStub;
import dev.aftercart.aws.stub.AwsHttpStub.Request;
import dev.aftercart.aws.stub.AwsHttpStub.Response;
import dev.aftercart.aws.stub.LogCapture;
import dev.aftercart.aws.stub.StubClients;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.render.SmsMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@link SnsSmsSender} against real SNS clients and a local HTTP stub. SNS in SDK 2.41.18 speaks
 * the AWS Query protocol: a form-encoded POST to {@code /} with {@code Action=Publish}, answered in
 * XML, errors as {@code <ErrorResponse><Error><Code>}.
 */
class SnsSmsSenderTest {

    private static final String SNS_MESSAGE_ID = "567910cd-659e-55d4-8ccb-5aaf14679dc0";
    private static final String PHONE = "+14255550123";
    private static final SmsMessage ORDER_CONFIRMED = SmsMessage.of("q2m4n6p8r2t4v6x8z2b4d6k3v7", "order-confirmation", PHONE,
            "Shop Example: order 1001 confirmed. Track it: https://shop.example/t/1001", MessageKind.TRANSACTIONAL);
    private static final SmsMessage POINTS_EXPIRING = SmsMessage.of("m4n6p8r2t4v6x8z2b4d6k3v7q2", "points-expiry", PHONE,
            "Shop Example: 1,200 points expire on 2026-12-31. Reply STOP to opt out.", MessageKind.MARKETING);

    private AwsHttpStub stub;
    private SnsClient client;

    @BeforeEach
    void startStub() {
        stub = AwsHttpStub.start();
        client = StubClients.production(stub).sns();
    }

    @AfterEach
    void stopStub() {
        client.close();
        stub.close();
    }

    private static Response accepted() {
        return Response.xml(200, fixture("sns/publish-response.xml"));
    }

    private static Response error(int status, String type, String code, String message) {
        return Response.xml(status, fixture("sns/error-response.xml",
                Map.of("type", type, "code", code, "message", message)));
    }

    @Test
    void send_shouldPublishTransactionalSmsWithOriginationNumberAndSenderId() {
        stub.respond(accepted());

        Delivery delivery = new SnsSmsSender(client, "+18445550100", "SHOPEX").send(ORDER_CONFIRMED);

        assertThat(delivery).isEqualTo(new Delivery.Accepted(SNS_MESSAGE_ID));
        Request request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.header("Content-Type")).isEqualToIgnoringCase("application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(request.header("X-Amz-Target")).isNull();
        assertThat(request.header("Authorization")).contains("/us-east-1/sns/aws4_request");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Action", "Publish");
        expected.put("Version", "2010-03-31");
        expected.put("PhoneNumber", PHONE);
        expected.put("Message", ORDER_CONFIRMED.body());
        expected.put("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType");
        expected.put("MessageAttributes.entry.1.Value.DataType", "String");
        expected.put("MessageAttributes.entry.1.Value.StringValue", "Transactional");
        expected.put("MessageAttributes.entry.2.Name", "AWS.MM.SMS.OriginationNumber");
        expected.put("MessageAttributes.entry.2.Value.DataType", "String");
        expected.put("MessageAttributes.entry.2.Value.StringValue", "+18445550100");
        expected.put("MessageAttributes.entry.3.Name", "AWS.SNS.SMS.SenderID");
        expected.put("MessageAttributes.entry.3.Value.DataType", "String");
        expected.put("MessageAttributes.entry.3.Value.StringValue", "SHOPEX");
        assertThat(request.form()).containsExactlyEntriesOf(expected);
    }

    @Test
    void send_marksMarketingAsPromotional_andOmitsUnsetSenderAttributes() {
        stub.respond(accepted());

        Delivery delivery = new SnsSmsSender(client, null, null).send(POINTS_EXPIRING);

        assertThat(delivery).isEqualTo(new Delivery.Accepted(SNS_MESSAGE_ID));
        assertThat(stub.onlyRequest().form())
                .containsEntry("Message", POINTS_EXPIRING.body())
                .containsEntry("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType")
                .containsEntry("MessageAttributes.entry.1.Value.StringValue", "Promotional")
                .doesNotContainKey("MessageAttributes.entry.2.Name");
    }

    @Test
    void send_retriesThrottledThenAccepts() {
        stub.respond(error(429, "Sender", "Throttled", "Rate exceeded"), accepted());

        Delivery delivery = new SnsSmsSender(client, null, null).send(ORDER_CONFIRMED);

        assertThat(delivery).isEqualTo(new Delivery.Accepted(SNS_MESSAGE_ID));
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).form()).isEqualTo(stub.requests().get(0).form());
    }

    @ParameterizedTest(name = "{1} ({0})")
    @CsvSource({
        "429, Throttled",
        "400, Throttling",
    })
    void send_refusesTransiently_whenThrottlingOutlastsTheRetries(int status, String code) {
        try (SnsClient fast = StubClients.withoutBackoff(SnsClient.builder(), stub)) {
            stub.otherwise(error(status, "Sender", code, "Rate exceeded"));

            Delivery delivery = new SnsSmsSender(fast, null, null).send(ORDER_CONFIRMED);

            assertThat(delivery).isEqualTo(new Delivery.Refused(code, false));
            assertThat(stub.requests()).hasSize(3);
        }
    }

    @Test
    void send_refusesTransiently_whenInternalErrorOutlastsTheRetries() {
        stub.otherwise(error(500, "Receiver", "InternalError", "Internal error"));

        Delivery delivery = new SnsSmsSender(client, null, null).send(ORDER_CONFIRMED);

        assertThat(delivery).isEqualTo(new Delivery.Refused("InternalError", false));
        assertThat(stub.requests()).hasSize(3);
    }

    @ParameterizedTest(name = "{1} ({0}) -> permanent={2}")
    @CsvSource({
        "400, InvalidParameter,      true",
        "400, ParameterValueInvalid, true",
        "403, AuthorizationError,    true",
        "400, EndpointDisabled,      true",
        "400, OptedOut,              true",
        "400, KMSThrottling,         false",
    })
    void send_refusesWithoutRetry_onDocumentedClientErrors(int status, String code, boolean permanent) {
        stub.respond(error(status, "Sender", code, "Invalid parameter: PhoneNumber Reason: +14255550123 is not valid"));

        Delivery delivery = new SnsSmsSender(client, null, null).send(ORDER_CONFIRMED);

        assertThat(delivery).isEqualTo(new Delivery.Refused(code, permanent));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void send_refusesWithNetworkError_whenTheEndpointIsUnreachable() {
        stub.close();

        Delivery delivery = new SnsSmsSender(client, null, null).send(ORDER_CONFIRMED);

        assertThat(delivery).isEqualTo(new Delivery.Refused("network_error", false));
    }

    @Test
    void send_logsOnlyIdsAndCodes_whenRefused() {
        stub.respond(error(400, "Sender", "InvalidParameter", "Invalid parameter: PhoneNumber Reason: " + PHONE));

        try (LogCapture log = LogCapture.start()) {
            new SnsSmsSender(client, null, null).send(ORDER_CONFIRMED);

            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("\"event\":\"sms_refused\"", "\"messageId\":\"q2m4n6p8r2t4v6x8z2b4d6k3v7\"",
                            "\"code\":\"InvalidParameter\"")
                    .doesNotContain("[redacted]", "4255550123", "order 1001", "Reason"));
        }
    }

    @Test
    void send_callsOnlyOperationsGrantedByIamActions() {
        stub.respond(accepted(), error(400, "Sender", "InvalidParameter", "Invalid parameter"));

        new SnsSmsSender(client, "+18445550100", null).send(ORDER_CONFIRMED);
        new SnsSmsSender(client, null, "SHOPEX").send(POINTS_EXPIRING);

        Set<String> operations = stub.requests().stream().map(r -> "sns:" + r.form().get("Action"))
                .collect(Collectors.toSet());
        assertThat(operations).containsExactly("sns:Publish");
        assertThat(SnsSmsSender.IAM_ACTIONS).containsAll(operations);
    }
}
