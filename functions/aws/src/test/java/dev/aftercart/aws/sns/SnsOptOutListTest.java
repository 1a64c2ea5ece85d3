package dev.aftercart.aws.sns;

import static dev.aftercart.aws.stub.AwsHttpStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aftercart.aws.stub.AwsHttpStub;
import dev.aftercart.aws.stub.AwsHttpStub.Request;
import dev.aftercart.aws.stub.AwsHttpStub.Response;
import dev.aftercart.aws.stub.LogCapture;
import dev.aftercart.aws.stub.StubClients;
import dev.aftercart.core.testing.MutableClock;
import java.time.Duration;
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
 * {@link SnsOptOutList} against real SNS clients and a local HTTP stub speaking the AWS Query
 * protocol: {@code Action=CheckIfPhoneNumberIsOptedOut} form-encoded, answered in XML with
 * {@code <isOptedOut>}, errors as {@code <ErrorResponse><Error><Code>}.
 */
class SnsOptOutListTest {

    private static final String PHONE = "+14255550123";
    private static final String OTHER_PHONE = "+821055501234";
    private static final String THIRD_PHONE = "+66812345678";
    /** The RequestId in sns/error-response.xml: the Query protocol reads it from the body. */
    private static final String ERROR_REQUEST_ID = "9dd01905-5012-5f99-8663-4b3ecd0dfaef";

    private final MutableClock clock = MutableClock.at("2026-11-22T09:00:00Z");
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

    private SnsOptOutList list() {
        return new SnsOptOutList(client, clock);
    }

    private static Response answer(boolean optedOut) {
        return Response.xml(200, fixture("sns/check-if-phone-number-is-opted-out-response.xml",
                Map.of("optedOut", Boolean.toString(optedOut))));
    }

    private static Response optedIn() {
        return Response.xml(200, fixture("sns/opt-in-phone-number-response.xml"));
    }

    private static Response error(int status, String type, String code, String message) {
        return Response.xml(status, fixture("sns/error-response.xml",
                Map.of("type", type, "code", code, "message", message)));
    }

    @Test
    void isOptedOut_shouldSendCheckIfPhoneNumberIsOptedOutQuery() {
        stub.respond(answer(true));

        boolean optedOut = list().isOptedOut(PHONE);

        assertThat(optedOut).isTrue();
        Request request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.header("Content-Type"))
                .isEqualToIgnoringCase("application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(request.header("X-Amz-Target")).isNull();
        assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=test/")
                .contains("/us-east-1/sns/aws4_request");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Action", "CheckIfPhoneNumberIsOptedOut");
        expected.put("Version", "2010-03-31");
        expected.put("phoneNumber", PHONE);
        assertThat(request.form()).containsExactlyEntriesOf(expected);
    }

    @Test
    void isOptedOut_returnsFalse_whenSnsSaysTheNumberIsNotOptedOut() {
        stub.respond(answer(false));

        assertThat(list().isOptedOut(PHONE)).isFalse();
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void isOptedOut_usesTheKeptAnswer_withinItsTimeToLive() {
        stub.respond(answer(true), answer(false));
        SnsOptOutList list = list();

        boolean first = list.isOptedOut(PHONE);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        boolean second = list.isOptedOut(PHONE);

        assertThat(first).isTrue();
        assertThat(second).isTrue();
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void isOptedOut_asksAgain_onceTheKeptAnswerIsFiveMinutesOld() {
        stub.respond(answer(true), answer(false));
        SnsOptOutList list = list();

        boolean first = list.isOptedOut(PHONE);
        clock.advance(Duration.ofMinutes(5));
        boolean second = list.isOptedOut(PHONE);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(stub.requests()).extracting(r -> r.form().get("phoneNumber")).containsExactly(PHONE, PHONE);
    }

    @Test
    void isOptedOut_honoursAConfiguredTimeToLive() {
        stub.respond(answer(false), answer(true));
        SnsOptOutList list = new SnsOptOutList(client, Duration.ofSeconds(30), 10, clock);

        list.isOptedOut(PHONE);
        clock.advance(Duration.ofSeconds(29));
        boolean kept = list.isOptedOut(PHONE);
        clock.advance(Duration.ofSeconds(1));
        boolean fresh = list.isOptedOut(PHONE);

        assertThat(kept).isFalse();
        assertThat(fresh).isTrue();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void isOptedOut_keepsEachNumbersAnswerApart() {
        stub.respond(answer(true), answer(false));
        SnsOptOutList list = list();

        boolean phone = list.isOptedOut(PHONE);
        boolean other = list.isOptedOut(OTHER_PHONE);

        assertThat(phone).isTrue();
        assertThat(other).isFalse();
        assertThat(list.isOptedOut(PHONE)).isTrue();
        assertThat(list.isOptedOut(OTHER_PHONE)).isFalse();
        assertThat(stub.requests()).extracting(r -> r.form().get("phoneNumber")).containsExactly(PHONE, OTHER_PHONE);
    }

    @Test
    void isOptedOut_forgetsTheLeastRecentlyAskedNumber_whenFull() {
        stub.otherwise(answer(false));
        SnsOptOutList list = new SnsOptOutList(client, Duration.ofMinutes(5), 2, clock);

        list.isOptedOut(PHONE);
        list.isOptedOut(OTHER_PHONE);
        list.isOptedOut(PHONE); // kept; OTHER_PHONE is now the least recently asked
        list.isOptedOut(THIRD_PHONE); // full: OTHER_PHONE goes
        list.isOptedOut(PHONE);
        list.isOptedOut(OTHER_PHONE);

        assertThat(stub.requests()).extracting(r -> r.form().get("phoneNumber"))
                .containsExactly(PHONE, OTHER_PHONE, THIRD_PHONE, OTHER_PHONE);
    }

    @Test
    void isOptedOut_retriesThrottledThenAnswers() {
        stub.respond(error(429, "Sender", "Throttled", "Rate exceeded"), answer(true));

        boolean optedOut = list().isOptedOut(PHONE);

        assertThat(optedOut).isTrue();
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).form()).isEqualTo(stub.requests().get(0).form());
    }

    @ParameterizedTest(name = "{1} ({0})")
    @CsvSource({
        "429, Throttled",
        "400, Throttling",
    })
    void isOptedOut_throwsTransient_whenThrottlingOutlastsTheRetries(int status, String code) {
        try (SnsClient fast = StubClients.withoutBackoff(SnsClient.builder(), stub)) {
            stub.otherwise(error(status, "Sender", code, "Rate exceeded"));

            SnsOptOutList.ListFailed failure = catchThrowableOfType(SnsOptOutList.ListFailed.class,
                    () -> new SnsOptOutList(fast, clock).isOptedOut(PHONE));

            assertThat(failure.code()).isEqualTo(code);
            assertThat(failure.permanent()).isFalse();
            assertThat(stub.requests()).hasSize(3);
        }
    }

    @Test
    void isOptedOut_throwsTransient_whenInternalErrorOutlastsTheRetries() {
        stub.otherwise(error(500, "Receiver", "InternalError", "Internal error"));

        SnsOptOutList.ListFailed failure = catchThrowableOfType(SnsOptOutList.ListFailed.class,
                () -> list().isOptedOut(PHONE));

        assertThat(failure.code()).isEqualTo("InternalError");
        assertThat(failure.permanent()).isFalse();
        assertThat(stub.requests()).hasSize(3);
    }

    @ParameterizedTest(name = "{1} ({0}) -> permanent={2}")
    @CsvSource({
        "400, ParameterValueInvalid, true",
        "403, AuthorizationError,    true",
        "400, KMSThrottling,         false",
    })
    void isOptedOut_throwsWithoutRetry_onDocumentedClientErrors(int status, String code, boolean permanent) {
        stub.respond(error(status, "Sender", code, "Invalid parameter: PhoneNumber Reason: " + PHONE
                + " is not valid"));

        SnsOptOutList.ListFailed failure = catchThrowableOfType(SnsOptOutList.ListFailed.class,
                () -> list().isOptedOut(PHONE));

        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.permanent()).isEqualTo(permanent);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void isOptedOut_answersNo_forANumberSnsCallsInvalid_soTheSendIsRefusedAndRecordedThere() {
        stub.respond(error(400, "Sender", "InvalidParameter", "Invalid parameter: PhoneNumber Reason: " + PHONE
                + " is not valid"));

        try (LogCapture log = LogCapture.start()) {
            boolean optedOut = list().isOptedOut(PHONE);

            assertThat(optedOut).isFalse();
            assertThat(String.join("\n", log.lines())).contains("sms_opt_out_check_invalid_number").doesNotContain(PHONE);
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void isOptedOut_keepsNoFailure_soTheNextCallAsksAgain() {
        stub.respond(error(403, "Sender", "AuthorizationError", "not authorized"), answer(true));
        SnsOptOutList list = list();

        assertThatThrownBy(() -> list.isOptedOut(PHONE)).isInstanceOf(SnsOptOutList.ListFailed.class);
        boolean optedOut = list.isOptedOut(PHONE);

        assertThat(optedOut).isTrue();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void isOptedOut_throwsNetworkError_whenTheEndpointIsUnreachable() {
        stub.close();

        SnsOptOutList.ListFailed failure = catchThrowableOfType(SnsOptOutList.ListFailed.class,
                () -> list().isOptedOut(PHONE));

        assertThat(failure.code()).isEqualTo("network_error");
        assertThat(failure.permanent()).isFalse();
    }

    @Test
    void isOptedOut_throws_whenA200CarriesNoAnswer() {
        stub.respond(Response.xml(200, "<CheckIfPhoneNumberIsOptedOutResponse"
                + " xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><CheckIfPhoneNumberIsOptedOutResult/>"
                + "<ResponseMetadata><RequestId>no-answer-request</RequestId></ResponseMetadata>"
                + "</CheckIfPhoneNumberIsOptedOutResponse>"), answer(false));
        SnsOptOutList list = list();

        SnsOptOutList.ListFailed failure = catchThrowableOfType(SnsOptOutList.ListFailed.class,
                () -> list.isOptedOut(PHONE));

        assertThat(failure).hasMessage("CheckIfPhoneNumberIsOptedOut failed: no_answer (request no-answer-request)");
        assertThat(failure.permanent()).isFalse();
        assertThat(list.isOptedOut(PHONE)).isFalse();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void isOptedOut_failsWithoutTheNumber_inTheLogOrTheException() {
        stub.respond(error(400, "Sender", "ParameterValueInvalid", "Invalid parameter: PhoneNumber Reason: " + PHONE
                + " is not valid"));

        try (LogCapture log = LogCapture.start()) {
            SnsOptOutList.ListFailed failure = catchThrowableOfType(SnsOptOutList.ListFailed.class,
                    () -> list().isOptedOut(PHONE));

            assertThat(failure).hasNoCause().hasMessage("CheckIfPhoneNumberIsOptedOut failed: ParameterValueInvalid"
                    + " (request " + ERROR_REQUEST_ID + ")");
            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("\"event\":\"sms_opt_out_check_failed\"", "\"code\":\"ParameterValueInvalid\"",
                            "\"permanent\":true", "\"awsRequestId\":\"" + ERROR_REQUEST_ID + "\"")
                    .doesNotContain("[redacted]", "4255550123", "Reason"));
        }
    }

    @Test
    void isOptedOut_logsNothing_whenSnsAnswers() {
        stub.respond(answer(true));

        try (LogCapture log = LogCapture.start()) {
            list().isOptedOut(PHONE);

            assertThat(log.lines()).isEmpty();
        }
    }

    @Test
    void optIn_asksAfresh_andSendsOptInPhoneNumber_evenWhereAKeptAnswerSaysNotOptedOut() {
        // given: START, STOP and START again within the kept answer's five minutes
        stub.respond(answer(false), answer(true), optedIn(), answer(false));
        SnsOptOutList list = list();
        boolean before = list.isOptedOut(PHONE);

        // when
        boolean optedIn = list.optIn(PHONE);

        // then
        assertThat(before).isFalse();
        assertThat(optedIn).isTrue();
        assertThat(stub.requests()).extracting(r -> r.form().get("Action"))
                .containsExactly("CheckIfPhoneNumberIsOptedOut", "CheckIfPhoneNumberIsOptedOut", "OptInPhoneNumber");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Action", "OptInPhoneNumber");
        expected.put("Version", "2010-03-31");
        expected.put("phoneNumber", PHONE);
        assertThat(stub.requests().get(2).form()).containsExactlyEntriesOf(expected);
        assertThat(list.isOptedOut(PHONE)).as("asked again, not the answer kept from before").isFalse();
        assertThat(stub.requests()).hasSize(4);
    }

    @Test
    void optIn_leavesANumberThatIsNotOptedOutAlone_sparingSnsThirtyDayAllowance() {
        stub.respond(answer(false));

        boolean optedIn = list().optIn(PHONE);

        assertThat(optedIn).isTrue();
        assertThat(stub.onlyRequest().form().get("Action")).isEqualTo("CheckIfPhoneNumberIsOptedOut");
    }

    @Test
    void optIn_answersNo_whenSnsRefuses_asItDoesWithinThirtyDaysOfTheLastOptIn() {
        stub.respond(answer(true), error(400, "Sender", "InvalidParameter", "Invalid parameter: PhoneNumber Reason: "
                + PHONE + " was opted in within the last 30 days"));

        try (LogCapture log = LogCapture.start()) {
            boolean optedIn = list().optIn(PHONE);

            assertThat(optedIn).isFalse();
            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("\"event\":\"sms_opt_in_refused\"", "\"code\":\"InvalidParameter\"")
                    .doesNotContain("4255550123"));
        }
        assertThat(stub.requests()).hasSize(2);
    }

    @ParameterizedTest(name = "{1} ({0}) -> permanent={2}")
    @CsvSource({
        "403, AuthorizationError, true",
        "500, InternalError,      false",
        "429, Throttled,          false",
    })
    void optIn_throws_whenSnsNeitherOptsInNorRefuses(int status, String code, boolean permanent) {
        try (SnsClient fast = StubClients.withoutBackoff(SnsClient.builder(), stub)) {
            stub.respond(answer(true));
            stub.otherwise(error(status, status >= 500 ? "Receiver" : "Sender", code, "no: " + PHONE));

            SnsOptOutList.ListFailed failure = catchThrowableOfType(SnsOptOutList.ListFailed.class,
                    () -> new SnsOptOutList(fast, clock).optIn(PHONE));

            assertThat(failure).hasNoCause().hasMessageStartingWith("OptInPhoneNumber failed: " + code)
                    .message().doesNotContain("4255550123");
            assertThat(failure.code()).isEqualTo(code);
            assertThat(failure.permanent()).isEqualTo(permanent);
        }
    }

    @Test
    void optIn_throws_whenTheFreshCheckFails_withoutOptingIn() {
        stub.respond(error(403, "Sender", "AuthorizationError", "not authorized"));

        SnsOptOutList.ListFailed failure = catchThrowableOfType(SnsOptOutList.ListFailed.class,
                () -> list().optIn(PHONE));

        assertThat(failure).hasMessageStartingWith("CheckIfPhoneNumberIsOptedOut failed: AuthorizationError");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void optIn_callsOnlyOperationsGrantedByItsIamActions() {
        stub.respond(answer(true), optedIn());

        list().optIn(PHONE);

        Set<String> operations = stub.requests().stream().map(r -> "sns:" + r.form().get("Action"))
                .collect(Collectors.toSet());
        assertThat(SnsOptOutList.OPT_IN_IAM_ACTIONS).containsExactlyInAnyOrderElementsOf(operations);
    }

    @Test
    void isOptedOut_callsOnlyOperationsGrantedByIamActions() {
        stub.respond(answer(true), error(403, "Sender", "AuthorizationError", "not authorized"));

        list().isOptedOut(PHONE);
        assertThatThrownBy(() -> list().isOptedOut(OTHER_PHONE)).isInstanceOf(SnsOptOutList.ListFailed.class);

        Set<String> operations = stub.requests().stream().map(r -> "sns:" + r.form().get("Action"))
                .collect(Collectors.toSet());
        assertThat(operations).containsExactly("sns:CheckIfPhoneNumberIsOptedOut");
        assertThat(SnsOptOutList.IAM_ACTIONS).containsExactlyElementsOf(operations);
    }
}
