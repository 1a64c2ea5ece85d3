package dev.aftercart.functions.customers;

import dev.aftercart.aws.lambda.EventFunction;
import dev.aftercart.core.engine.EventIntake;
import dev.aftercart.core.event.LoyaltyUpdated;
import dev.aftercart.core.event.ReturnUpdated;
import dev.aftercart.core.event.ReviewSubmitted;
import dev.aftercart.core.event.SubscriptionUpdated;
import java.util.Set;

/** What the customer did, from the review app, returns portal, loyalty programme and subscription billing. */
public final class CustomerEventsHandler extends EventFunction {

    /** What this function's rules in template.yaml route here. */
    public static final Set<String> DETAIL_TYPES = Set.of(ReviewSubmitted.DETAIL_TYPE, ReturnUpdated.DETAIL_TYPE,
            LoyaltyUpdated.DETAIL_TYPE, SubscriptionUpdated.DETAIL_TYPE);

    public CustomerEventsHandler() {
        super(DETAIL_TYPES);
    }

    public CustomerEventsHandler(EventIntake intake, Runnable priming) {
        super(intake, priming);
    }
}
