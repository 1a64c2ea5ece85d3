package dev.aftercart.aws.scheduler;

import static dev.aftercart.aws.stub.AwsHttpStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aftercart.aws.stub.AwsHttpStub;
import dev.aftercart.aws.stub.AwsHttpStub.Request;
import dev.aftercart.aws.stub.AwsHttpStub.Response;
import dev.aftercart.aws.stub.StubClients;
import dev.aftercart.core.engine.ScheduleNames;
import dev.aftercart.core.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/** {@link EventBridgeMessageScheduler} against real Scheduler clients and a local HTTP stub speaking REST-JSON. */
class EventBridgeMessageSchedulerTest {

    private static final String GROUP = "aftercart";
    private static final String TARGET = "arn:aws:lambda:us-east-1:123456789012:function:aftercart-message-dispatch";
    private static final String ROLE = "arn:aws:iam::123456789012:role/aftercart-scheduler";
    private static final String DEAD_LETTERS = "arn:aws:sqs:us-east-1:123456789012:aftercart-schedule-dlq";
    private static final String CUSTOMER = "cus_8842";
    private static final String MESSAGE = "k3v7q2m4n6p8r2t4v6x8z2b4d6";
    private static final Instant DUE = Instant.parse("2026-11-29T09:04:31Z");
    private static final String NAME = ScheduleNames.of(MESSAGE, DUE);

    private AwsHttpStub stub;
    private SchedulerClient client;

    @BeforeEach
    void startStub() {
        stub = AwsHttpStub.start();
        client = StubClients.production(stub).scheduler();
    }

    @AfterEach
    void stopStub() {
        client.close();
        stub.close();
    }

    private EventBridgeMessageScheduler scheduler(SchedulerClient client, String deadLetterArn) {
        return new EventBridgeMessageScheduler(client, GROUP, TARGET, ROLE, deadLetterArn);
    }

    private EventBridgeMessageScheduler scheduler() {
        return scheduler(client, DEAD_LETTERS);
    }

    private static Response created() {
        return Response.json(200, fixture("scheduler/create-schedule-response.json"));
    }

    @Test
    void schedule_shouldCreateOneShotUtcScheduleThatDeletesItself() {
        stub.respond(created());

        scheduler().schedule(NAME, CUSTOMER, MESSAGE, DUE);

        Request request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/schedules/" + NAME);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("X-Amz-Target")).isNull();
        assertThat(request.header("Authorization")).contains("/us-east-1/scheduler/aws4_request");
        Map<String, Object> body = Json.parseObject(request.body());
        assertThat(body).containsOnlyKeys("GroupName", "ScheduleExpression", "ScheduleExpressionTimezone",
                "FlexibleTimeWindow", "ActionAfterCompletion", "ClientToken", "Target");
        assertThat(body)
                .containsEntry("GroupName", GROUP)
                .containsEntry("ScheduleExpression", "at(2026-11-29T09:04:31)")
                .containsEntry("ScheduleExpressionTimezone", "UTC")
                .containsEntry("FlexibleTimeWindow", Map.of("Mode", "OFF"))
                .containsEntry("ActionAfterCompletion", "DELETE")
                .containsEntry("ClientToken", NAME);
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) body.get("Target");
        assertThat(target).containsOnlyKeys("Arn", "RoleArn", "Input", "RetryPolicy", "DeadLetterConfig");
        assertThat(target)
                .containsEntry("Arn", TARGET)
                .containsEntry("RoleArn", ROLE)
                .containsEntry("RetryPolicy", Map.of(
                        "MaximumRetryAttempts", new BigDecimal(185),
                        "MaximumEventAgeInSeconds", new BigDecimal(3600)))
                .containsEntry("DeadLetterConfig", Map.of("Arn", DEAD_LETTERS));
        assertThat(Json.parseObject((String) target.get("Input")))
                .containsExactly(Map.entry("customerId", CUSTOMER), Map.entry("messageId", MESSAGE));
    }

    @Test
    void schedule_omitsDeadLetterConfig_whenNoneIsConfigured() {
        stub.respond(created());

        scheduler(client, null).schedule(NAME, CUSTOMER, MESSAGE, DUE);

        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) Json.parseObject(stub.onlyRequest().body()).get("Target");
        assertThat(target).doesNotContainKey("DeadLetterConfig");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-11-29T09:04:31Z,           at(2026-11-29T09:04:31)",
        "2026-11-29T09:04:30.250Z,       at(2026-11-29T09:04:31)",
        "2026-12-31T23:59:59.000000001Z, at(2027-01-01T00:00:00)",
    })
    void schedule_expressesTheInstantInUtc_roundingFractionsUpSoItNeverFiresEarly(String at, String expression) {
        stub.respond(created());

        scheduler().schedule(NAME, CUSTOMER, MESSAGE, Instant.parse(at));

        assertThat(Json.parseObject(stub.onlyRequest().body())).containsEntry("ScheduleExpression", expression);
    }

    @Test
    void schedule_derivesAValidClientToken_whenTheNameHasADot() {
        stub.respond(created(), created(), created());

        scheduler().schedule("ac-held.v2", CUSTOMER, MESSAGE, DUE);
        scheduler().schedule("ac-held.v2", CUSTOMER, MESSAGE, DUE);
        scheduler().schedule("ac-held.v3", CUSTOMER, MESSAGE, DUE);

        String first = (String) Json.parseObject(stub.requests().get(0).body()).get("ClientToken");
        String again = (String) Json.parseObject(stub.requests().get(1).body()).get("ClientToken");
        String other = (String) Json.parseObject(stub.requests().get(2).body()).get("ClientToken");
        assertThat(first).matches("[a-zA-Z0-9_-]{1,64}").isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void schedule_treatsConflictAsAlreadyScheduled() {
        stub.respond(Response.restJsonError(409, "ConflictException", "Schedule " + NAME + " already exists."));

        assertThatNoException().isThrownBy(() -> scheduler().schedule(NAME, CUSTOMER, MESSAGE, DUE));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void schedule_retriesThrottlingThenCreates() {
        stub.respond(Response.restJsonError(429, "ThrottlingException", "Rate exceeded"), created());

        scheduler().schedule(NAME, CUSTOMER, MESSAGE, DUE);

        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).body()).isEqualTo(stub.requests().get(0).body());
    }

    @ParameterizedTest(name = "{1} ({0})")
    @CsvSource({
        "400, ValidationException",
        "402, ServiceQuotaExceededException",
        "404, ResourceNotFoundException",
    })
    void schedule_throwsWithCodeAndNameOnly_onClientErrors(int status, String code) {
        stub.respond(Response.restJsonError(status, code, "Invalid target input for customer cus_8842"));

        SchedulingException thrown = catchThrowableOfType(SchedulingException.class,
                () -> scheduler().schedule(NAME, CUSTOMER, MESSAGE, DUE));

        assertThat(thrown.getMessage()).isEqualTo(code + " for schedule " + NAME);
        assertThat(thrown.code()).isEqualTo(code);
        assertThat(thrown.scheduleName()).isEqualTo(NAME);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void schedule_throws_whenThrottlingOutlastsTheRetries() {
        try (SchedulerClient fast = StubClients.withoutBackoff(SchedulerClient.builder(), stub)) {
            stub.otherwise(Response.restJsonError(429, "ThrottlingException", "Rate exceeded"));

            SchedulingException thrown = catchThrowableOfType(SchedulingException.class,
                    () -> scheduler(fast, DEAD_LETTERS).schedule(NAME, CUSTOMER, MESSAGE, DUE));

            assertThat(thrown.code()).isEqualTo("ThrottlingException");
            assertThat(stub.requests()).hasSize(3);
        }
    }

    @Test
    void schedule_throwsNetworkError_whenTheEndpointIsUnreachable() {
        stub.close();

        SchedulingException thrown = catchThrowableOfType(SchedulingException.class,
                () -> scheduler().schedule(NAME, CUSTOMER, MESSAGE, DUE));

        assertThat(thrown.code()).isEqualTo("network_error");
    }

    @Test
    void cancel_shouldDeleteTheScheduleInItsGroup() {
        stub.respond(Response.empty());

        scheduler().cancel(NAME);

        Request request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.path()).isEqualTo("/schedules/" + NAME);
        assertThat(request.queryParameters()).containsEntry("groupName", GROUP).containsKey("clientToken");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void cancel_treatsNotFoundAsAlreadyGone() {
        stub.respond(Response.restJsonError(404, "ResourceNotFoundException", "Schedule " + NAME + " does not exist."));

        assertThatNoException().isThrownBy(() -> scheduler().cancel(NAME));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void cancel_throwsWithCodeAndName_whenServerErrorsOutlastTheRetries() {
        stub.otherwise(Response.restJsonError(500, "InternalServerException", "Unexpected error"));

        SchedulingException thrown = catchThrowableOfType(SchedulingException.class, () -> scheduler().cancel(NAME));

        assertThat(thrown.getMessage()).isEqualTo("InternalServerException for schedule " + NAME);
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void scheduleAndCancel_callOnlyOperationsGrantedByIamActions() {
        stub.respond(created(), Response.restJsonError(409, "ConflictException", "exists"), Response.empty(),
                Response.restJsonError(404, "ResourceNotFoundException", "gone"));

        scheduler().schedule(NAME, CUSTOMER, MESSAGE, DUE);
        scheduler().schedule(NAME, CUSTOMER, MESSAGE, DUE);
        scheduler().cancel(NAME);
        scheduler().cancel(NAME);

        Set<String> operations = stub.requests().stream().map(EventBridgeMessageSchedulerTest::operation)
                .collect(Collectors.toSet());
        assertThat(operations).containsExactlyInAnyOrder("scheduler:CreateSchedule", "scheduler:DeleteSchedule");
        assertThat(EventBridgeMessageScheduler.IAM_ACTIONS).containsAll(operations);
        // Each create hands Scheduler a role to assume, which IAM checks as iam:PassRole on that role.
        assertThat(stub.requests()).filteredOn(r -> r.method().equals("POST"))
                .allSatisfy(r -> assertThat(r.body()).contains("\"RoleArn\":\"" + ROLE + "\""));
        assertThat(EventBridgeMessageScheduler.IAM_ACTIONS).contains("iam:PassRole");
    }

    /** The IAM action for a recorded Scheduler request, by its REST route. */
    private static String operation(Request request) {
        boolean schedule = request.path().matches("/schedules/[^/]+");
        return switch (request.method()) {
            case "POST" -> schedule ? "scheduler:CreateSchedule" : "unknown POST " + request.path();
            case "DELETE" -> schedule ? "scheduler:DeleteSchedule" : "unknown DELETE " + request.path();
            default -> "unknown " + request.method() + " " + request.path();
        };
    }
}
