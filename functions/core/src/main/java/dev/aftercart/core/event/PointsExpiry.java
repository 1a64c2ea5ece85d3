package dev.aftercart.core.event;

import java.time.Instant;

/** Points that expire at an instant unless spent first. */
public record PointsExpiry(long points, Instant expiresAt) {
}
