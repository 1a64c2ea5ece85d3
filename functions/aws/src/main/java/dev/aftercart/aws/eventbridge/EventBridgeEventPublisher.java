package dev.aftercart.aws.eventbridge;

import dev.aftercart.aws.wiring.AwsErrors;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.port.EventPublisher;
import dev.aftercart.core.render.BusEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Puts Aftercart's own events ({@code Service Recovery Requested}) on the store's bus with
 * EventBridge {@code PutEvents}, one entry a call, under source {@value BusEvent#SOURCE}.
 *
 * <p>{@code PutEvents} answers 200 even when its entry failed: the failure is in the result entry's
 * {@code ErrorCode}, and the SDK, which retries only failed requests, never sees it. So an entry that
 * failed with one of the codes EventBridge documents as retryable ({@code ThrottlingException},
 * {@code InternalFailure}) is put again here, with backoff, {@value #ATTEMPTS} times in all; nothing
 * can be published twice, because a failed entry was not published. Any other entry code is permanent,
 * as EventBridge documents the rest (access, malformed detail, not authorised for the source).
 * Request errors that outlast the SDK's retries map as the SES sender maps them: the listed codes are
 * permanent, anything else is transient. Only codes and ids are logged, never the detail.
 */
public final class EventBridgeEventPublisher implements EventPublisher {

    /** {@code PutEvents} on the bus is all this adapter calls. */
    public static final List<String> IAM_ACTIONS = List.of("events:PutEvents");

    /** Entry error codes EventBridge documents as retryable; every other entry code is permanent. */
    static final Set<String> RETRYABLE_ENTRY_CODES = Set.of("ThrottlingException", "InternalFailure");

    /** Request errors that putting the event again cannot fix; any other code is transient. */
    private static final Set<String> PERMANENT_REQUEST_CODES = Set.of(
            "AccessDeniedException",
            "ValidationException",
            "ResourceNotFoundException");

    static final int ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final EventBridgeClient client;
    private final String eventBusName;
    private final Duration firstBackoff;

    /** @param eventBusName the bus's name or ARN; {@code default} for the account's default bus */
    public EventBridgeEventPublisher(EventBridgeClient client, String eventBusName) {
        this(client, eventBusName, FIRST_BACKOFF);
    }

    /** @param firstBackoff the pause before putting a failed entry again, doubled before each later attempt */
    EventBridgeEventPublisher(EventBridgeClient client, String eventBusName, Duration firstBackoff) {
        this.client = client;
        this.eventBusName = eventBusName;
        this.firstBackoff = firstBackoff;
    }

    @Override
    public Delivery publish(BusEvent event) {
        PutEventsRequest request = PutEventsRequest.builder()
                .entries(PutEventsRequestEntry.builder()
                        .source(BusEvent.SOURCE)
                        .detailType(event.detailType())
                        .detail(Json.write(sorted(event.detail())))
                        .eventBusName(eventBusName)
                        .build())
                .build();
        try {
            String code = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (attempt > 1) {
                    pause(firstBackoff.multipliedBy(1L << (attempt - 2)));
                }
                PutEventsResultEntry entry = onlyEntry(client.putEvents(request));
                code = entry.errorCode();
                if (code == null && entry.eventId() != null) {
                    return new Delivery.Accepted(entry.eventId());
                }
                if (code == null) {
                    // Neither published nor failed: putting it again might publish it twice.
                    return refusedEntry(event, "no_event_id", false, attempt);
                }
                if (!RETRYABLE_ENTRY_CODES.contains(code)) {
                    return refusedEntry(event, code, true, attempt);
                }
            }
            return refusedEntry(event, code, false, ATTEMPTS);
        } catch (AwsServiceException e) {
            String code = AwsErrors.code(e);
            boolean permanent = PERMANENT_REQUEST_CODES.contains(code);
            Log.warn("event_refused", "messageId", event.messageId(), "detailType", event.detailType(), "code", code,
                    "status", e.statusCode(), "permanent", permanent, "awsRequestId", e.requestId());
            return new Delivery.Refused(code, permanent);
        } catch (SdkClientException e) {
            Log.warn("event_not_published", "messageId", event.messageId(), "detailType", event.detailType(),
                    "code", "network_error", "exception", e.getClass().getSimpleName());
            return new Delivery.Refused("network_error", false);
        }
    }

    private static PutEventsResultEntry onlyEntry(PutEventsResponse response) {
        return response.hasEntries() && !response.entries().isEmpty()
                ? response.entries().get(0)
                : PutEventsResultEntry.builder().build();
    }

    private static Delivery refusedEntry(BusEvent event, String code, boolean permanent, int attempts) {
        Log.warn("event_refused", "messageId", event.messageId(), "detailType", event.detailType(), "code", code,
                "permanent", permanent, "attempts", attempts);
        return new Delivery.Refused(code, permanent);
    }

    /**
     * The detail with every object's keys sorted, so the same event always makes the same request
     * (the core hands the detail over as an unordered map).
     */
    private static Object sorted(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<String, Object> keys = new TreeMap<>();
                map.forEach((key, entry) -> keys.put(String.valueOf(key), sorted(entry)));
                yield keys;
            }
            case List<?> list -> {
                List<Object> items = new ArrayList<>(list.size());
                list.forEach(item -> items.add(sorted(item)));
                yield items;
            }
            case null, default -> value;
        };
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off PutEvents", e);
        }
    }
}
