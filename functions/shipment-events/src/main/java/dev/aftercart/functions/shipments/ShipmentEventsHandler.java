package dev.aftercart.functions.shipments;

import dev.aftercart.aws.lambda.EventFunction;
import dev.aftercart.core.engine.EventIntake;
import dev.aftercart.core.event.ShipmentUpdated;
import java.util.Set;

/** Carrier updates from EventBridge; an update for an order not recorded yet is retried by Lambda. */
public final class ShipmentEventsHandler extends EventFunction {

    /** What this function's rule in template.yaml routes here. */
    public static final Set<String> DETAIL_TYPES = Set.of(ShipmentUpdated.DETAIL_TYPE);

    public ShipmentEventsHandler() {
        super(DETAIL_TYPES);
    }

    public ShipmentEventsHandler(EventIntake intake, Runnable priming) {
        super(intake, priming);
    }
}
