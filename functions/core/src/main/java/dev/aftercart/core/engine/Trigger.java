package dev.aftercart.core.engine;

import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.ShopEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an event contributes when it starts a journey: whose journey, the business key that makes
 * its messages unique, the facts the messages are about, and the instant timings count from.
 * Which events can start journeys is code; which journeys they start is data.
 */
public record Trigger(String customerId, String businessKey, Map<String, String> subject, Instant anchor) {

    public static Optional<Trigger> of(ShopEvent event) {
        return switch (event) {
            case OrderPlaced placed -> Optional.of(new Trigger(placed.customer().customerId(),
                    "order:" + placed.orderId(), Map.of("orderId", placed.orderId()), placed.occurredAt()));
            default -> Optional.empty();
        };
    }

    /** Detail-types that can start a journey; a journey naming any other is rejected at start-up. */
    public static boolean canStart(String detailType) {
        return OrderPlaced.DETAIL_TYPE.equals(detailType);
    }
}
