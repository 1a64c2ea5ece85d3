package dev.aftercart.core.port;

import java.time.Instant;

/**
 * This stack's email reputation: outcomes counted over a window of recent sends, and whether
 * marketing email is paused because of them.
 */
public interface SendingReputation {

    enum Outcome { SENT, BOUNCED, COMPLAINED }

    /** The counts over the current window, after one more outcome. */
    record Window(long sends, long bounces, long complaints) {
    }

    /** A pause: why, and since when. */
    record Pause(String reason, Instant since) {
    }

    Window record(Outcome outcome);

    /** The pause in force, or {@code null}; may be cached briefly, since a pause is not urgent to the second. */
    Pause marketingEmailPause();

    void pauseMarketingEmail(String reason, Instant at);

    void resumeMarketingEmail(Instant at);
}
