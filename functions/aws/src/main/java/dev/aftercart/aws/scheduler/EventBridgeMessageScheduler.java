package dev.aftercart.aws.scheduler;

import dev.aftercart.aws.wiring.AwsErrors;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.port.MessageScheduler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * One-shot EventBridge Scheduler schedules that invoke the message-dispatch function with
 * {@code {"customerId":…,"messageId":…}} at the message's due time, then delete themselves.
 * Creating a name that exists and deleting one that is gone both succeed, as the port promises.
 */
public final class EventBridgeMessageScheduler implements MessageScheduler {

    /** Creating a schedule passes its execution role to Scheduler, which needs {@code iam:PassRole}. */
    public static final List<String> IAM_ACTIONS =
            List.of("scheduler:CreateSchedule", "scheduler:DeleteSchedule", "iam:PassRole");

    /**
     * Scheduler's retries of a failed invoke (Lambda throttled or unavailable) are bounded by age,
     * not count: keep trying for an hour. Dispatch re-checks quiet hours and exit conditions, so a
     * late send is still a correct one; past an hour the event goes to the dead-letter queue, where
     * an alarm surfaces it, rather than going out at a time nobody planned.
     */
    static final int MAXIMUM_RETRY_ATTEMPTS = 185;
    static final int MAXIMUM_EVENT_AGE_SECONDS = 3600;

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final Pattern CLIENT_TOKEN = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private final SchedulerClient client;
    private final String groupName;
    private final String targetArn;
    private final String roleArn;
    private final String deadLetterArn;

    /**
     * @param targetArn the message-dispatch function
     * @param roleArn the role Scheduler assumes to invoke it
     * @param deadLetterArn the SQS queue for events that outlive their retries, or {@code null}
     */
    public EventBridgeMessageScheduler(SchedulerClient client, String groupName, String targetArn, String roleArn,
            String deadLetterArn) {
        this.client = client;
        this.groupName = groupName;
        this.targetArn = targetArn;
        this.roleArn = roleArn;
        this.deadLetterArn = deadLetterArn;
    }

    @Override
    public void schedule(String name, String customerId, String messageId, Instant at) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("customerId", customerId);
        input.put("messageId", messageId);
        Target.Builder target = Target.builder()
                .arn(targetArn)
                .roleArn(roleArn)
                .input(Json.write(input))
                .retryPolicy(r -> r.maximumRetryAttempts(MAXIMUM_RETRY_ATTEMPTS)
                        .maximumEventAgeInSeconds(MAXIMUM_EVENT_AGE_SECONDS));
        if (deadLetterArn != null) {
            target.deadLetterConfig(d -> d.arn(deadLetterArn));
        }
        CreateScheduleRequest request = CreateScheduleRequest.builder()
                .name(name)
                .groupName(groupName)
                .scheduleExpression(atExpression(at))
                .scheduleExpressionTimezone("UTC")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .actionAfterCompletion(ActionAfterCompletion.DELETE)
                .clientToken(clientToken(name))
                .target(target.build())
                .build();
        try {
            client.createSchedule(request);
        } catch (ConflictException e) {
            // The name holds the message id and due second, so an existing schedule is this one.
            Log.info("schedule_exists", "schedule", name, "messageId", messageId);
        } catch (AwsServiceException e) {
            throw failure(name, e);
        } catch (SdkClientException e) {
            throw new SchedulingException("network_error", name, e);
        }
    }

    @Override
    public void cancel(String name) {
        try {
            client.deleteSchedule(DeleteScheduleRequest.builder().name(name).groupName(groupName).build());
        } catch (ResourceNotFoundException e) {
            // Already fired and deleted itself, or never created.
        } catch (AwsServiceException e) {
            throw failure(name, e);
        } catch (SdkClientException e) {
            throw new SchedulingException("network_error", name, e);
        }
    }

    /**
     * {@code at(…)} in UTC, to the second. A fraction of a second rounds up, so the schedule never
     * fires before its instant: a dispatch that fired early could be held again to the same second,
     * under the same schedule name as the one firing, and be lost when that schedule deletes itself.
     */
    static String atExpression(Instant at) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        if (second.isBefore(at)) {
            second = second.plusSeconds(1);
        }
        return "at(" + AT.format(second) + ")";
    }

    /**
     * The idempotency token for a create: the name itself where it fits the token's pattern (names
     * also allow {@code .}, tokens do not), otherwise the name's SHA-256 in hex, also 64 characters.
     */
    static String clientToken(String name) {
        if (CLIENT_TOKEN.matcher(name).matches()) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    private static SchedulingException failure(String name, AwsServiceException e) {
        String code = AwsErrors.code(e);
        Log.warn("schedule_failed", "schedule", name, "code", code, "status", e.statusCode(),
                "awsRequestId", e.requestId());
        return new SchedulingException(code, name, e);
    }
}
