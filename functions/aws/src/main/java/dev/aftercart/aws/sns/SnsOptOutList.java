package dev.aftercart.aws.sns;

import dev.aftercart.aws.wiring.AwsErrors;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.port.SmsOptOutList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.CheckIfPhoneNumberIsOptedOutRequest;
import software.amazon.awssdk.services.sns.model.CheckIfPhoneNumberIsOptedOutResponse;
import software.amazon.awssdk.services.sns.model.OptInPhoneNumberRequest;

/**
 * SNS's own opt-out list, asked with {@code CheckIfPhoneNumberIsOptedOut}: the numbers that replied
 * STOP to the account's senders. Each answer is kept for a short while per number, in a bounded map
 * that forgets the least recently asked number first, because a dispatch asks once per text and a
 * busy minute would otherwise meet SNS's rate limit on this call.
 *
 * <p>An error is never read as an answer. By the time one reaches this class the SDK has retried
 * throttling and 5xx; what is left is thrown as {@link ListFailed}, so the dispatch fails and
 * Lambda's (or Scheduler's) retry and failure destination take over. Answering "not opted out" could
 * text someone who said STOP; answering "opted out" would record a skip that is not true. Failures
 * are not kept, so the next dispatch asks again. Only the error code and request id are logged, never
 * the number, and the SDK's exception is not chained: SNS's message for a bad number repeats it.
 *
 * <p>{@link #optIn} asks SNS afresh whether a number is on the list and, if so, takes it off with
 * {@code OptInPhoneNumber} after its owner texted START. SNS refuses with {@code InvalidParameter} when the number was opted in within
 * the last 30 days; that is an answer, not a failure. Anything else is thrown, so the inbound
 * function's retry asks again.
 */
public final class SnsOptOutList implements SmsOptOutList {

    /** Checking a number is {@code sns:CheckIfPhoneNumberIsOptedOut} on resource {@code *}. */
    public static final List<String> IAM_ACTIONS = List.of("sns:CheckIfPhoneNumberIsOptedOut");
    /** Opting a number back in, which only the inbound SMS function does: a fresh check, then {@code sns:OptInPhoneNumber}. */
    public static final List<String> OPT_IN_IAM_ACTIONS = List.of("sns:CheckIfPhoneNumberIsOptedOut",
            "sns:OptInPhoneNumber");

    /** Long enough to spare SNS a burst of the same number, short enough that an opt-in is soon seen. */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(5);
    public static final int DEFAULT_CAPACITY = 10_000;

    /**
     * Errors that asking again cannot fix; {@code ParameterValueInvalid} is what SNS sends for
     * InvalidParameterValueException, the other spelling is kept for emulators. Throttling,
     * InternalError and any code not listed are transient.
     */
    private static final Set<String> PERMANENT = Set.of(
            "InvalidParameter",
            "ParameterValueInvalid",
            "InvalidParameterValue",
            "AuthorizationError",
            "InvalidSecurity",
            "ValidationException");

    private static final String CHECK = "CheckIfPhoneNumberIsOptedOut";

    private final SnsClient client;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<String, Answer> answers;

    public SnsOptOutList(SnsClient client, Clock clock) {
        this(client, DEFAULT_TIME_TO_LIVE, DEFAULT_CAPACITY, clock);
    }

    /**
     * @param timeToLive how long an answer is used before SNS is asked again
     * @param capacity how many numbers' answers are kept at most
     */
    public SnsOptOutList(SnsClient client, Duration timeToLive, int capacity, Clock clock) {
        if (timeToLive.isNegative() || capacity < 1) {
            throw new IllegalArgumentException("timeToLive must not be negative and capacity must be at least 1");
        }
        this.client = client;
        this.timeToLive = timeToLive;
        this.clock = clock;
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @throws ListFailed when SNS gave no answer, even after the SDK's retries */
    @Override
    public boolean isOptedOut(String phoneNumber) {
        Instant now = clock.instant();
        synchronized (answers) {
            Answer kept = answers.get(phoneNumber);
            if (kept != null && now.isBefore(kept.expiresAt())) {
                return kept.optedOut();
            }
        }
        boolean optedOut = ask(phoneNumber);
        synchronized (answers) {
            answers.put(phoneNumber, new Answer(optedOut, now.plus(timeToLive)));
        }
        return optedOut;
    }

    /**
     * Asks SNS afresh whether the number is opted out (a kept "no" may predate the STOP) and, only
     * if it is, opts it in, sparing SNS's once-in-30-days allowance.
     *
     * @throws ListFailed when SNS neither answered, nor opted the number in, nor refused to
     */
    @Override
    public boolean optIn(String phoneNumber) {
        boolean optedOut = ask(phoneNumber);
        synchronized (answers) {
            answers.put(phoneNumber, new Answer(optedOut, clock.instant().plus(timeToLive)));
        }
        if (!optedOut) {
            return true;
        }
        try {
            client.optInPhoneNumber(OptInPhoneNumberRequest.builder().phoneNumber(phoneNumber).build());
        } catch (AwsServiceException e) {
            String code = AwsErrors.code(e);
            if ("InvalidParameter".equals(code) || "ParameterValueInvalid".equals(code)) {
                Log.warn("sms_opt_in_refused", "code", code, "awsRequestId", e.requestId());
                return false;
            }
            Log.warn("sms_opt_in_failed", "code", code, "status", e.statusCode(), "awsRequestId", e.requestId());
            throw new ListFailed("OptInPhoneNumber", code, PERMANENT.contains(code), e.requestId());
        } catch (SdkClientException e) {
            Log.warn("sms_opt_in_failed", "code", "network_error", "exception", e.getClass().getSimpleName());
            throw new ListFailed("OptInPhoneNumber", "network_error", false, null);
        }
        synchronized (answers) {
            answers.remove(phoneNumber);
        }
        return true;
    }

    private boolean ask(String phoneNumber) {
        CheckIfPhoneNumberIsOptedOutResponse response;
        try {
            response = client.checkIfPhoneNumberIsOptedOut(
                    CheckIfPhoneNumberIsOptedOutRequest.builder().phoneNumber(phoneNumber).build());
        } catch (AwsServiceException e) {
            String code = AwsErrors.code(e);
            if ("InvalidParameter".equals(code)) {
                // No such number to opt out: the send itself is refused for good and the ledger says why.
                Log.warn("sms_opt_out_check_invalid_number", "awsRequestId", e.requestId());
                return false;
            }
            boolean permanent = PERMANENT.contains(code);
            Log.warn("sms_opt_out_check_failed", "code", code, "status", e.statusCode(), "permanent", permanent,
                    "awsRequestId", e.requestId());
            throw new ListFailed(CHECK, code, permanent, e.requestId());
        } catch (SdkClientException e) {
            Log.warn("sms_opt_out_check_failed", "code", "network_error", "exception", e.getClass().getSimpleName());
            throw new ListFailed(CHECK, "network_error", false, null);
        }
        if (response.isOptedOut() == null) {
            // A 200 whose result lacks isOptedOut (an emulator that answers every action alike) is no answer either.
            String requestId = response.responseMetadata().requestId();
            Log.warn("sms_opt_out_check_failed", "code", "no_answer", "awsRequestId", requestId);
            throw new ListFailed(CHECK, "no_answer", false, requestId);
        }
        return response.isOptedOut();
    }

    private record Answer(boolean optedOut, Instant expiresAt) {
    }

    /**
     * SNS did not say whether a number is opted out, or did not opt it in. Unchecked so it reaches
     * Lambda; the message names the action, error code and request id, never the number.
     */
    public static final class ListFailed extends RuntimeException {

        private final String code;
        private final boolean permanent;

        ListFailed(String action, String code, boolean permanent, String awsRequestId) {
            super(action + " failed: " + code
                    + (awsRequestId == null ? "" : " (request " + awsRequestId + ")"));
            this.code = code;
            this.permanent = permanent;
        }

        public String code() {
            return code;
        }

        /** Whether asking again cannot help (a malformed number, a missing grant). */
        public boolean permanent() {
            return permanent;
        }
    }
}
