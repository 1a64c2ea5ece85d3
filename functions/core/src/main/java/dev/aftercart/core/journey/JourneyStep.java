package dev.aftercart.core.journey;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * One message of a journey.
 *
 * @param after how long after the trigger it is due
 * @param plusUsageDays also wait each product's {@code usageDays} (for review requests)
 * @param sendAt move the due time to this local time of the customer on its day, when set
 * @param expiresAfter how late it may still go out; past it, it is skipped as stale news
 * @param when the trigger facts this step needs, beyond the journey's own condition
 * @param fallback the channel to use instead when this one cannot reach the customer
 * @param smsWindowStart an earlier start of the SMS window for this step (out-for-delivery texts)
 * @param exitWhen exit conditions of this step, in addition to the journey's
 */
public record JourneyStep(
        String id,
        Duration after,
        boolean plusUsageDays,
        LocalTime sendAt,
        List<Channel> channels,
        String template,
        Duration expiresAfter,
        Condition when,
        Channel fallback,
        LocalTime smsWindowStart,
        List<ExitCondition> exitWhen) {

    public JourneyStep {
        channels = List.copyOf(channels);
        exitWhen = List.copyOf(exitWhen);
    }

    /** A plain step: due {@code after} the trigger, on these channels, for every trigger. */
    public JourneyStep(String id, Duration after, List<Channel> channels, String template, Duration expiresAfter) {
        this(id, after, false, null, channels, template, expiresAfter, Condition.ALWAYS, null, null, List.of());
    }
}
