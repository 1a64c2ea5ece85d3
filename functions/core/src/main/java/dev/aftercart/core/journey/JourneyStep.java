package dev.aftercart.core.journey;

import java.time.Duration;
import java.util.List;

/**
 * One message of a journey: when after the trigger, on which channels, with which template.
 * {@code expiresAfter} is how late it may still go out; past it, it is skipped as stale news.
 */
public record JourneyStep(String id, Duration after, List<Channel> channels, String template, Duration expiresAfter) {

    public JourneyStep {
        channels = List.copyOf(channels);
    }
}
