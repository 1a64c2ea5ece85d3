package dev.aftercart.functions.shipments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.aftercart.aws.wiring.AwsWiring;
import dev.aftercart.core.engine.EventIntake;
import dev.aftercart.core.engine.EventOutcome;
import dev.aftercart.core.engine.Outcomes;
import dev.aftercart.core.event.ShipmentUpdated;
import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.crac.Core;
import org.crac.Resource;

/**
 * Carrier updates from EventBridge. An update for an order not recorded yet throws, so Lambda
 * retries it later; an invalid one throws, so it reaches the on-failure destination with the reason.
 */
public final class ShipmentEventsHandler implements RequestStreamHandler, Resource {

    /** What this function's rule in template.yaml routes here. */
    public static final Set<String> DETAIL_TYPES = Set.of(ShipmentUpdated.DETAIL_TYPE);

    private final EventIntake intake;
    private final Runnable priming;

    /** Production: wired once per container from the environment, and registered for SnapStart priming. */
    public ShipmentEventsHandler() {
        this(AwsWiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    private ShipmentEventsHandler(AwsWiring wiring) {
        this(wiring.aftercart().intake(DETAIL_TYPES), wiring::prime);
    }

    /** Tests and the local runner hand in their own intake. */
    public ShipmentEventsHandler(EventIntake intake, Runnable priming) {
        this.intake = intake;
        this.priming = priming;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventOutcome outcome = intake.accept(input);
        output.write(Json.write(Outcomes.toJson(outcome)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        priming.run();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the credentials chain resolves container credentials after restore.
    }
}
