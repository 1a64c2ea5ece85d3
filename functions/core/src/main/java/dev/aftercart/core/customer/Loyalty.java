package dev.aftercart.core.customer;

import dev.aftercart.core.event.PointsExpiry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The customer's loyalty standing, as the loyalty programme last reported it.
 *
 * @param expiring points that expire unless spent, as of {@code updatedAt}
 * @param updatedAt the {@code occurredAt} of the report, so an older one is recognised as stale
 */
public record Loyalty(boolean member, String tier, long pointsBalance, List<PointsExpiry> expiring, Instant updatedAt) {

    public static final Loyalty NONE = new Loyalty(false, null, 0);

    public Loyalty {
        expiring = expiring == null ? List.of() : List.copyOf(expiring);
        updatedAt = updatedAt == null ? Instant.EPOCH : updatedAt;
    }

    /** A standing without expiring points, as of no particular report. */
    public Loyalty(boolean member, String tier, long pointsBalance) {
        this(member, tier, pointsBalance, List.of(), Instant.EPOCH);
    }

    /** The next points to expire. */
    public Optional<PointsExpiry> earliestExpiry() {
        return expiring.stream().min(Comparator.comparing(PointsExpiry::expiresAt));
    }

    /** How many points still expire at {@code at}; zero once spent, or when none ever did. */
    public long expiringAt(Instant at) {
        return expiring.stream().filter(e -> e.expiresAt().equals(at)).mapToLong(PointsExpiry::points).sum();
    }
}
