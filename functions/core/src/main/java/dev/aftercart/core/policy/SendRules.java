package dev.aftercart.core.policy;

import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.journey.Channel;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

/**
 * The send-time rules a store owner tunes in {@code journeys/policies.json}, with defaults from
 * practice and the law: SMS only between 08:00 and 21:00 local time (20:00 in US states whose
 * telemarketing laws say so); marketing at most every 16 h by email and 24 h by SMS, and at most 5
 * emails and 3 SMS in 30 days; no marketing about a product for 90 days after a rating of 2 or less.
 */
public record SendRules(
        LocalTime smsWindowStart,
        LocalTime smsWindowEnd,
        Map<String, LocalTime> smsWindowEndByRegion,
        Map<Channel, Duration> marketingCooldown,
        Map<Channel, Integer> marketingCap,
        Duration marketingCapWindow,
        int negativeRatingAtMost,
        Duration negativeReviewSuppression,
        int softBounceLimit,
        Reputation reputation) {

    /**
     * When marketing email pauses: over a window of this many sends (once at least
     * {@code minimumSends} were counted), a bounce rate above {@code bounceRateAbove} or a complaint
     * rate above {@code complaintRateAbove}; held messages look again after {@code recheckAfter}.
     */
    public record Reputation(long windowSends, long minimumSends, double bounceRateAbove, double complaintRateAbove,
            Duration recheckAfter) {

        /** Below SES's own review thresholds (5% bounces, 0.1% complaints), so the store acts first. */
        public static final Reputation DEFAULTS = new Reputation(10_000, 200, 0.04, 0.0008, Duration.ofHours(6));
    }

    public static final SendRules DEFAULTS = new SendRules(
            LocalTime.of(8, 0), LocalTime.of(21, 0),
            Map.of("US-FL", LocalTime.of(20, 0), "US-OK", LocalTime.of(20, 0), "US-WA", LocalTime.of(20, 0),
                    "US-CT", LocalTime.of(20, 0), "US-MD", LocalTime.of(20, 0)),
            Map.of(Channel.EMAIL, Duration.ofHours(16), Channel.SMS, Duration.ofHours(24)),
            Map.of(Channel.EMAIL, 5, Channel.SMS, 3),
            Duration.ofDays(30),
            2,
            Duration.ofDays(90),
            7,
            Reputation.DEFAULTS);

    public SendRules {
        smsWindowEndByRegion = Map.copyOf(smsWindowEndByRegion);
        marketingCooldown = Map.copyOf(marketingCooldown);
        marketingCap = Map.copyOf(marketingCap);
        if (!smsWindowStart.isBefore(smsWindowEnd)) {
            throw new IllegalArgumentException("the SMS window must start before it ends");
        }
        for (Map.Entry<String, LocalTime> end : smsWindowEndByRegion.entrySet()) {
            if (!smsWindowStart.isBefore(end.getValue())) {
                throw new IllegalArgumentException("the SMS window in " + end.getKey() + " must end after it starts");
            }
        }
        if (marketingCapWindow.compareTo(Engagement.WINDOW) > 0) {
            throw new IllegalArgumentException("the marketing cap window can be at most "
                    + Engagement.WINDOW + ": longer history is not kept");
        }
    }

    /** Where the SMS window ends for a recipient in {@code region} (ISO 3166-2), or everywhere else. */
    public LocalTime smsWindowEnd(String region) {
        return region == null ? smsWindowEnd : smsWindowEndByRegion.getOrDefault(region, smsWindowEnd);
    }
}
