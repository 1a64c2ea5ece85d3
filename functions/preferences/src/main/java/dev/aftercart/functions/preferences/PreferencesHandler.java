package dev.aftercart.functions.preferences;

import com.amazonaws.services.lambda.runtime.Context;
import dev.aftercart.aws.dynamodb.DynamoDbCustomerStore;
import dev.aftercart.aws.eventbridge.EventBridgeEventPublisher;
import dev.aftercart.aws.lambda.SnapStartFunction;
import dev.aftercart.aws.wiring.AwsWiring;
import dev.aftercart.aws.wiring.LinkKeys;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.preferences.PreferenceCenter;
import dev.aftercart.core.preferences.WebResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The preference center behind a Lambda Function URL (auth type NONE: the signed token in each
 * link is the authorisation). It answers every request itself, bad ones included, with a status
 * and a plain message: a thrown exception would reach the customer as a bare 502.
 */
public final class PreferencesHandler extends SnapStartFunction {

    /** What this function calls: profiles read and written, the consent event, the link key. */
    public static final List<String> IAM_ACTIONS = AwsWiring.union(DynamoDbCustomerStore.IAM_ACTIONS,
            EventBridgeEventPublisher.IAM_ACTIONS, LinkKeys.IAM_ACTIONS);

    private final PreferenceCenter center;

    /** Production: wired once per container from the environment, and registered for SnapStart priming. */
    public PreferencesHandler() {
        this(AwsWiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    private PreferencesHandler(AwsWiring wiring) {
        this(wiring.aftercart().preferences(), wiring::prime);
    }

    /** Tests and the local runner hand in their own preference center. */
    public PreferencesHandler(PreferenceCenter center, Runnable priming) {
        super(priming);
        this.center = center;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        WebResponse response;
        try {
            response = FunctionUrlRequests.read(input).map(center::handle).orElseGet(FunctionUrlRequests::badRequest);
        } catch (RuntimeException e) {
            Log.error("preferences_failed", "error", e.getClass().getSimpleName());
            // The error is answered, not thrown (a bare 502 helps no one), so Lambda's Errors stays 0: this is the alarm's.
            Log.metric("PreferencesFailed", 1, "Count", Map.of(), Instant.now());
            response = FunctionUrlRequests.unavailable();
        }
        output.write(Json.write(FunctionUrlRequests.toJson(response)).getBytes(StandardCharsets.UTF_8));
    }
}
