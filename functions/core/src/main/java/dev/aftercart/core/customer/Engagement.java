package dev.aftercart.core.customer;

import dev.aftercart.core.journey.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the customer has received and said, as far as the send-time policies care: the marketing
 * messages of the last 30 days (for cooldowns and caps), their product reviews, and the phone
 * number last told how to stop marketing texts (the first one to a number says it), or null.
 */
public record Engagement(List<MarketingSend> marketingSends, Map<String, ProductReview> reviews,
        String smsOptOutExplainedTo) {

    /** Marketing sends older than this no longer count against any cap. */
    public static final Duration WINDOW = Duration.ofDays(30);

    public static final Engagement NONE = new Engagement(List.of(), Map.of(), null);

    public record MarketingSend(Channel channel, Instant at) {
    }

    public record ProductReview(int rating, Instant at) {
    }

    public Engagement {
        marketingSends = List.copyOf(marketingSends);
        reviews = Map.copyOf(reviews);
    }

    public Engagement(List<MarketingSend> marketingSends, Map<String, ProductReview> reviews) {
        this(marketingSends, reviews, null);
    }

    public Engagement withSmsOptOutExplainedTo(String phone) {
        return new Engagement(marketingSends, reviews, phone);
    }

    /** Whether {@code phone} was told how to stop: a new number has not been, even when the old one was. */
    public boolean smsOptOutExplained(String phone) {
        return phone != null && phone.equals(smsOptOutExplainedTo);
    }

    /**
     * This engagement with one more marketing send, forgetting those that fell out of the window.
     * A send exactly one window old is kept: {@link #marketingSince} still counts it.
     */
    public Engagement withMarketingSend(Channel channel, Instant at) {
        List<MarketingSend> kept = Stream.concat(marketingSends.stream(), Stream.of(new MarketingSend(channel, at)))
                .filter(send -> !send.at().isBefore(at.minus(WINDOW)))
                .toList();
        return new Engagement(kept, reviews, smsOptOutExplainedTo);
    }

    public long marketingSince(Channel channel, Instant since) {
        return marketingSends.stream().filter(s -> s.channel() == channel && !s.at().isBefore(since)).count();
    }

    public Instant lastMarketing(Channel channel) {
        return marketingSends.stream()
                .filter(s -> s.channel() == channel)
                .map(MarketingSend::at)
                .max(Instant::compareTo)
                .orElse(null);
    }
}
