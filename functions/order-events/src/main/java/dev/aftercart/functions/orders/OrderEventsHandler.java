package dev.aftercart.functions.orders;

import dev.aftercart.aws.lambda.EventFunction;
import dev.aftercart.core.engine.EventIntake;
import dev.aftercart.core.event.CustomerUpdated;
import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.ProductUpdated;
import java.util.Set;

/** Order, customer and catalog events from EventBridge. */
public final class OrderEventsHandler extends EventFunction {

    /** What this function's rules in template.yaml route here. */
    public static final Set<String> DETAIL_TYPES = Set.of(OrderPlaced.DETAIL_TYPE, OrderCancelled.DETAIL_TYPE,
            CustomerUpdated.DETAIL_TYPE, ProductUpdated.DETAIL_TYPE);

    public OrderEventsHandler() {
        super(DETAIL_TYPES);
    }

    public OrderEventsHandler(EventIntake intake, Runnable priming) {
        super(intake, priming);
    }
}
