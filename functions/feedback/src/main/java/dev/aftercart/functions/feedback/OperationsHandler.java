package dev.aftercart.functions.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import dev.aftercart.aws.dynamodb.DynamoDbCustomerStore;
import dev.aftercart.aws.dynamodb.DynamoDbMessageLedger;
import dev.aftercart.aws.dynamodb.DynamoDbSendingReputation;
import dev.aftercart.aws.scheduler.EventBridgeMessageScheduler;
import dev.aftercart.aws.lambda.SnapStartFunction;
import dev.aftercart.aws.wiring.AwsWiring;
import dev.aftercart.core.engine.Aftercart;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.port.SendingReputation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operator invokes by hand ({@code aws lambda invoke}); nothing routes events here:
 *
 * <ul>
 * <li>{@code {"action": "marketing-email-status"}}: whether marketing email is paused, why and since when;
 * <li>{@code {"action": "resume-marketing-email"}}: lifts the reputation guard's pause, once the cause
 *     (a bad list import, a broken template) is fixed;
 * <li>{@code {"action": "erase-customer", "customerId": "..."}}: the right to erasure; deletes every
 *     schedule and item of the customer.
 * </ul>
 *
 * An unknown action or a missing field throws, naming it, so {@code aws lambda invoke} shows the error.
 */
public final class OperationsHandler extends SnapStartFunction {

    public static final List<String> IAM_ACTIONS = AwsWiring.union(DynamoDbCustomerStore.ERASE_IAM_ACTIONS,
            DynamoDbMessageLedger.IAM_ACTIONS, DynamoDbSendingReputation.IAM_ACTIONS,
            List.of("scheduler:DeleteSchedule"));

    private final Aftercart aftercart;

    public OperationsHandler() {
        this(AwsWiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    private OperationsHandler(AwsWiring wiring) {
        this(wiring.aftercart(), wiring::prime);
    }

    /** Tests and the local runner hand in their own engine. */
    public OperationsHandler(Aftercart aftercart, Runnable priming) {
        super(priming);
        this.aftercart = aftercart;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> request = Json.parseObject(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        Object action = request.get("action");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("action", action);
        switch (action instanceof String s ? s : "") {
            case "marketing-email-status" -> status(result);
            case "resume-marketing-email" -> {
                aftercart.feedback(false).resumeMarketingEmail();
                status(result);
            }
            case "erase-customer" -> {
                if (!(request.get("customerId") instanceof String customerId) || customerId.isBlank()) {
                    throw new IllegalArgumentException("customerId: required for erase-customer, a non-empty string");
                }
                result.put("customerId", customerId);
                result.put("itemsDeleted", aftercart.erasure().erase(customerId));
            }
            default -> throw new IllegalArgumentException("action: must be one of marketing-email-status, "
                    + "resume-marketing-email, erase-customer");
        }
        output.write(Json.write(result).getBytes(StandardCharsets.UTF_8));
    }

    private void status(Map<String, Object> result) {
        SendingReputation.Pause pause = aftercart.feedback(false).marketingEmailPause();
        result.put("marketingEmailPaused", pause != null);
        if (pause != null) {
            result.put("reason", pause.reason());
            result.put("since", pause.since().toString());
        }
    }
}
