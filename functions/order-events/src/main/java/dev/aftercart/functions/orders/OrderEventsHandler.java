package dev.aftercart.functions.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.aftercart.aws.wiring.AwsWiring;
import dev.aftercart.core.engine.EventIntake;
import dev.aftercart.core.engine.EventOutcome;
import dev.aftercart.core.engine.Outcomes;
import dev.aftercart.core.event.CustomerUpdated;
import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.ProductUpdated;
import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.crac.Core;
import org.crac.Resource;

/**
 * Order, customer and catalog events from EventBridge. Parses, validates and hands over to the
 * engine; an invalid event throws, so Lambda routes it to the on-failure destination with the reason.
 */
public final class OrderEventsHandler implements RequestStreamHandler, Resource {

    /** What this function's rules in template.yaml route here. */
    public static final Set<String> DETAIL_TYPES = Set.of(OrderPlaced.DETAIL_TYPE, OrderCancelled.DETAIL_TYPE,
            CustomerUpdated.DETAIL_TYPE, ProductUpdated.DETAIL_TYPE);

    private final EventIntake intake;
    private final Runnable priming;

    /** Production: wired once per container from the environment, and registered for SnapStart priming. */
    public OrderEventsHandler() {
        this(AwsWiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    private OrderEventsHandler(AwsWiring wiring) {
        this(wiring.aftercart().intake(DETAIL_TYPES), wiring::prime);
    }

    /** Tests and the local runner hand in their own intake. */
    public OrderEventsHandler(EventIntake intake, Runnable priming) {
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
        // Nothing to refresh: clients re-resolve credentials from the restored environment.
    }
}
