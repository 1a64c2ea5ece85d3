package dev.aftercart.aws.dynamodb;

import static dev.aftercart.aws.dynamodb.Attributes.instant;
import static dev.aftercart.aws.dynamodb.Attributes.number;
import static dev.aftercart.aws.dynamodb.Attributes.string;

import dev.aftercart.core.port.SendingReputation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The stack's email reputation in one item, {@code STACK}/{@code REPUTATION}: sends, bounces and
 * complaints counted in two half-windows. Each outcome is one atomic {@code ADD} to the current
 * half ({@code sends}, {@code bounces}, {@code complaints}); once it holds half the window's sends
 * it becomes the previous half ({@code previousSends}, ...) in one conditional update, so the
 * window always covers the last half to whole {@code windowSends} sends with no read-modify-write
 * race. A bounce counts in the half where its feedback arrives, which is at most minutes after the
 * send. While paused the item also holds {@code pausedReason} and {@code pausedAt}.
 *
 * <p>One item takes every feedback event of the stack. DynamoDB serves about 1,000 writes a second
 * to one item, far above a store's SES sending rate; at more than that, the feedback function's
 * retries absorb the throttling.
 *
 * <p>Dispatch asks {@link #marketingEmailPause} before each marketing email; the answer is cached
 * for {@code cacheFor} (a minute by default), since a pause need not take effect to the second.
 */
public final class DynamoDbSendingReputation implements SendingReputation {

    /** Exactly the DynamoDB actions this adapter calls. */
    public static final List<String> IAM_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:UpdateItem");

    private static final Map<Outcome, String> COUNTER = Map.of(
            Outcome.SENT, "sends", Outcome.BOUNCED, "bounces", Outcome.COMPLAINED, "complaints");

    private final MeteredTable table;
    private final long halfWindow;
    private final Duration cacheFor;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(Pause pause, Instant until) {
    }

    public DynamoDbSendingReputation(DynamoDbClient client, String tableName, CapacityMeter meter, long windowSends,
            Duration cacheFor, Clock clock) {
        this(new MeteredTable(client, tableName, meter, null), windowSends, cacheFor, clock);
    }

    DynamoDbSendingReputation(MeteredTable table, long windowSends, Duration cacheFor, Clock clock) {
        this.table = table;
        this.halfWindow = Math.max(1, windowSends / 2);
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public Window record(Outcome outcome) {
        Map<String, AttributeValue> item = table.update(key(), new Update().add(COUNTER.get(outcome), 1),
                ReturnValue.ALL_NEW).orElseThrow();
        Attributes.Reader read = Attributes.read(item);
        long sends = read.longNumber("sends", 0);
        Window window = new Window(sends + read.longNumber("previousSends", 0),
                read.longNumber("bounces", 0) + read.longNumber("previousBounces", 0),
                read.longNumber("complaints", 0) + read.longNumber("previousComplaints", 0));
        if (outcome == Outcome.SENT && sends >= halfWindow) {
            roll(read, sends);
        }
        return window;
    }

    /**
     * The current half becomes the previous one, if no other writer has counted an outcome since
     * this one read it; if one has, its own send (or the next) rolls instead.
     */
    private void roll(Attributes.Reader read, long sends) {
        Update roll = new Update()
                .set("previousSends", number(sends))
                .set("previousBounces", number(read.longNumber("bounces", 0)))
                .set("previousComplaints", number(read.longNumber("complaints", 0)))
                .set("sends", number(0L))
                .set("bounces", number(0L))
                .set("complaints", number(0L))
                .conditionValue("observedSends", number(sends));
        table.update(key(), roll.onlyIf("#sends = :observedSends"
                + " AND " + unchanged(roll, read, "bounces", "observedBounces")
                + " AND " + unchanged(roll, read, "complaints", "observedComplaints")));
    }

    /**
     * The counter still holds what was read. A counter never counted yet is absent, not 0, and a
     * comparison with an absent attribute is false, so that case must be said as absence.
     */
    private static String unchanged(Update update, Attributes.Reader read, String counter, String observed) {
        Long value = read.longNumber(counter);
        if (value == null) {
            return "attribute_not_exists(#" + counter + ")";
        }
        update.conditionValue(observed, number(value));
        return "#" + counter + " = :" + observed;
    }

    @Override
    public Pause marketingEmailPause() {
        Cached current = cached;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.until())) {
            return current.pause();
        }
        Pause pause = table.get(key(), false).map(Attributes::read)
                .filter(read -> read.string("pausedReason") != null)
                .map(read -> new Pause(read.string("pausedReason"), read.instant("pausedAt")))
                .orElse(null);
        cached = new Cached(pause, now.plus(cacheFor));
        return pause;
    }

    /** Records the pause unless one is in force already, which keeps its first reason and time. */
    @Override
    public void pauseMarketingEmail(String reason, Instant at) {
        table.update(key(), new Update()
                .set("pausedReason", string(reason))
                .set("pausedAt", instant(at))
                .onlyIf("attribute_not_exists(#pausedReason)"));
        cached = null;
    }

    /** Lifts the pause and starts counting afresh: the window that caused it would pause again at once. */
    @Override
    public void resumeMarketingEmail(Instant at) {
        table.update(key(), new Update()
                .set("pausedReason", null)
                .set("pausedAt", null)
                .set("sends", number(0L))
                .set("bounces", number(0L))
                .set("complaints", number(0L))
                .set("previousSends", number(0L))
                .set("previousBounces", number(0L))
                .set("previousComplaints", number(0L))
                .set("resumedAt", instant(at)));
        cached = null;
    }

    private static Map<String, AttributeValue> key() {
        return SingleTable.key(SingleTable.STACK, SingleTable.REPUTATION);
    }
}
