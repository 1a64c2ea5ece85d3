package dev.aftercart.core.testing;

import dev.aftercart.core.port.SendingReputation;
import java.time.Instant;

/**
 * {@link SendingReputation} in memory, windowed as the DynamoDB adapter windows it: outcomes are
 * counted in the current half-window; once it holds half the window's sends it becomes the
 * previous one and counting starts afresh, so the window covers the last half to whole
 * {@code windowSends} sends.
 */
public final class InMemorySendingReputation implements SendingReputation {

    private final long halfWindow;
    private final long[] current = new long[3];
    private final long[] previous = new long[3];
    private Pause pause;

    public InMemorySendingReputation(long windowSends) {
        this.halfWindow = Math.max(1, windowSends / 2);
    }

    @Override
    public synchronized Window record(Outcome outcome) {
        current[outcome.ordinal()]++;
        Window window = new Window(current[0] + previous[0], current[1] + previous[1], current[2] + previous[2]);
        if (current[Outcome.SENT.ordinal()] >= halfWindow) {
            System.arraycopy(current, 0, previous, 0, 3);
            java.util.Arrays.fill(current, 0);
        }
        return window;
    }

    @Override
    public synchronized Pause marketingEmailPause() {
        return pause;
    }

    @Override
    public synchronized void pauseMarketingEmail(String reason, Instant at) {
        if (pause == null) {
            pause = new Pause(reason, at);
        }
    }

    @Override
    public synchronized void resumeMarketingEmail(Instant at) {
        pause = null;
        java.util.Arrays.fill(current, 0);
        java.util.Arrays.fill(previous, 0);
    }
}
