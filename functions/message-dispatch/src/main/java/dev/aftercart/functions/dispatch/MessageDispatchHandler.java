package dev.aftercart.functions.dispatch;

import com.amazonaws.services.lambda.runtime.Context;
import dev.aftercart.aws.lambda.SnapStartFunction;
import dev.aftercart.aws.wiring.AwsWiring;
import dev.aftercart.core.engine.Dispatcher;
import dev.aftercart.core.engine.MessageOutcome;
import dev.aftercart.core.engine.Outcomes;
import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What EventBridge Scheduler invokes when a message falls due: {@code {"customerId", "messageId"}}.
 * The dispatcher re-checks everything against the customer's current state before sending.
 */
public final class MessageDispatchHandler extends SnapStartFunction {

    private final Dispatcher dispatcher;

    /** Production: wired once per container from the environment, and registered for SnapStart priming. */
    public MessageDispatchHandler() {
        this(AwsWiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    private MessageDispatchHandler(AwsWiring wiring) {
        this(wiring.aftercart().dispatcher(), wiring::prime);
    }

    /** Tests and the local runner hand in their own dispatcher. */
    public MessageDispatchHandler(Dispatcher dispatcher, Runnable priming) {
        super(priming);
        this.dispatcher = dispatcher;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        DispatchRequest request = DispatchRequest.read(input);
        MessageOutcome outcome = dispatcher.dispatch(request.customerId(), request.messageId());
        output.write(Json.write(Outcomes.toJson(outcome)).getBytes(StandardCharsets.UTF_8));
    }
}
