package dev.aftercart.core.journey;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * One message of a journey.
 *
 * @param after how long after the step's anchor it is due; negative for "before" (points expiry)
 * @param plus a per-product wait added to {@code after}: usage days, or replenishment days
 * @param from the trigger instant the step counts from: {@code occurredAt} unless the trigger
 *     offers another, such as a subscription's {@code nextChargeAt}
 * @param sendAt move the due time to this local time of the customer on its day, when set
 * @param expiresAfter how late it may still go out; past it, it is skipped as stale news
 * @param when the trigger facts this step needs, beyond the journey's own condition
 * @param fallback the channel to use instead when this one cannot reach the customer
 * @param smsWindowStart an earlier start of the SMS window for this step (out-for-delivery texts)
 * @param exitWhen exit conditions of this step, in addition to the journey's
 * @param detailType for the {@code event} channel: the detail-type published on the bus
 */
public record JourneyStep(
        String id,
        Duration after,
        ProductDays plus,
        String from,
        LocalTime sendAt,
        List<Channel> channels,
        String template,
        Duration expiresAfter,
        Condition when,
        Channel fallback,
        LocalTime smsWindowStart,
        List<ExitCondition> exitWhen,
        String detailType) {

    public static final String OCCURRED_AT = "occurredAt";

    public JourneyStep {
        channels = List.copyOf(channels);
        exitWhen = List.copyOf(exitWhen);
        plus = plus == null ? ProductDays.NONE : plus;
        from = from == null ? OCCURRED_AT : from;
    }

    /** A step counted from the trigger's {@code occurredAt}, publishing no event. */
    public JourneyStep(String id, Duration after, boolean plusUsageDays, LocalTime sendAt, List<Channel> channels,
            String template, Duration expiresAfter, Condition when, Channel fallback, LocalTime smsWindowStart,
            List<ExitCondition> exitWhen) {
        this(id, after, plusUsageDays ? ProductDays.USAGE_DAYS : ProductDays.NONE, OCCURRED_AT, sendAt, channels,
                template, expiresAfter, when, fallback, smsWindowStart, exitWhen, null);
    }

    /** A plain step: due {@code after} the trigger, on these channels, for every trigger. */
    public JourneyStep(String id, Duration after, List<Channel> channels, String template, Duration expiresAfter) {
        this(id, after, false, null, channels, template, expiresAfter, Condition.ALWAYS, null, null, List.of());
    }

    public boolean plusUsageDays() {
        return plus == ProductDays.USAGE_DAYS;
    }
}
