package dev.aftercart.core.event;

import java.time.Instant;
import java.util.List;

/**
 * The loyalty programme's view of a customer. {@code changePoints} and {@code changeReason} say
 * what moved the balance, when the programme says.
 */
public record LoyaltyUpdated(
        String customerId,
        boolean member,
        String tier,
        long pointsBalance,
        List<PointsExpiry> pointsExpiring,
        Long changePoints,
        String changeReason,
        Instant occurredAt) implements ShopEvent {

    public static final String DETAIL_TYPE = "Loyalty Updated";

    public LoyaltyUpdated {
        pointsExpiring = List.copyOf(pointsExpiring);
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
