package dev.aftercart.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.aftercart.aws.wiring.AwsWiring;
import dev.aftercart.core.engine.EventIntake;
import dev.aftercart.core.engine.EventOutcome;
import dev.aftercart.core.engine.Outcomes;
import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What every event Lambda is: it parses, validates and hands over to the engine, and writes the
 * outcome. An invalid event throws, so Lambda routes it to the on-failure destination with the
 * reason; an event about an order not recorded yet throws, so Lambda retries it. Each function
 * is a subclass naming the detail-types its rules route to it.
 */
public abstract class EventFunction extends SnapStartFunction {

    private final EventIntake intake;

    /** Production: wired once per container from the environment, and registered for SnapStart priming. */
    protected EventFunction(Set<String> detailTypes) {
        this(AwsWiring.fromEnvironment(), detailTypes);
        primeBeforeSnapshot();
    }

    private EventFunction(AwsWiring wiring, Set<String> detailTypes) {
        this(wiring.aftercart().intake(detailTypes), wiring::prime);
    }

    /** Tests and the local runner hand in their own intake. */
    protected EventFunction(EventIntake intake, Runnable priming) {
        super(priming);
        this.intake = intake;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventOutcome outcome = intake.accept(input);
        output.write(Json.write(Outcomes.toJson(outcome)).getBytes(StandardCharsets.UTF_8));
    }
}
