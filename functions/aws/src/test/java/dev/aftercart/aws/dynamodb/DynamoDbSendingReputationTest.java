package dev.aftercart.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.port.SendingReputation.Outcome;
import dev.aftercart.core.port.SendingReputation.Pause;
import dev.aftercart.core.port.SendingReputation.Window;
import dev.aftercart.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link DynamoDbSendingReputation} against DynamoDB Local. The stack has one reputation item, so
 * each test gets a table of its own. A {@link ConcurrentWriter} plays another Lambda counting an
 * outcome between this one's counting update and its roll.
 */
class DynamoDbSendingReputationTest {

    private static final Map<String, AttributeValue> KEY = Map.of(
            "pk", AttributeValue.fromS("STACK"), "sk", AttributeValue.fromS("REPUTATION"));
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration CACHE_FOR = Duration.ofMinutes(1);

    private static final RecordingInterceptor sent = new RecordingInterceptor();
    private static final ConcurrentWriter rival = new ConcurrentWriter();
    private static DynamoDbClient client;
    private static DynamoDbClient raw;

    private final MutableClock clock = new MutableClock(NOW);
    private String table;

    @BeforeAll
    static void startClients() {
        client = LocalDynamoDb.client(sent, rival);
        raw = LocalDynamoDb.client();
    }

    @AfterAll
    static void closeClients() {
        client.close();
        raw.close();
    }

    @BeforeEach
    void freshTable() {
        table = LocalDynamoDb.createTable(Fixtures.unique("reputation"));
        sent.clear();
        rival.clear();
    }

    private DynamoDbSendingReputation reputation(long windowSends) {
        return new DynamoDbSendingReputation(client, table, new CapacityMeter(), windowSends, CACHE_FOR, clock);
    }

    // --- counting ---

    @Test
    void record_countsWithOneAtomicAdd_returningTheNewItem() {
        DynamoDbSendingReputation reputation = reputation(1000);

        Window window = reputation.record(Outcome.SENT);

        assertThat(window).isEqualTo(new Window(1, 0, 0));
        assertThat(sent.requests(UpdateItemRequest.class)).singleElement().satisfies(update -> {
            assertThat(update.tableName()).isEqualTo(table);
            assertThat(update.key()).isEqualTo(KEY);
            assertThat(update.updateExpression()).isEqualTo("ADD #sends :sends");
            assertThat(update.expressionAttributeNames()).isEqualTo(Map.of("#sends", "sends"));
            assertThat(update.expressionAttributeValues()).isEqualTo(Map.of(":sends", AttributeValue.fromN("1")));
            assertThat(update.conditionExpression()).isNull();
            assertThat(update.returnValues()).isEqualTo(ReturnValue.ALL_NEW);
            assertThat(update.returnConsumedCapacity()).isEqualTo(ReturnConsumedCapacity.TOTAL);
        });
        assertThat(sent.calls()).hasSize(1);
    }

    @Test
    void record_countsBouncesAndComplaints_inTheirOwnCounters() {
        DynamoDbSendingReputation reputation = reputation(1000);
        reputation.record(Outcome.SENT);
        reputation.record(Outcome.SENT);
        reputation.record(Outcome.SENT);
        reputation.record(Outcome.BOUNCED);

        Window window = reputation.record(Outcome.COMPLAINED);

        assertThat(window).isEqualTo(new Window(3, 1, 1));
        assertThat(sent.requests(UpdateItemRequest.class)).extracting(UpdateItemRequest::updateExpression)
                .containsExactly("ADD #sends :sends", "ADD #sends :sends", "ADD #sends :sends",
                        "ADD #bounces :bounces", "ADD #complaints :complaints");
        assertThat(rawItem()).containsEntry("sends", AttributeValue.fromN("3"))
                .containsEntry("bounces", AttributeValue.fromN("1"))
                .containsEntry("complaints", AttributeValue.fromN("1"));
    }

    @Test
    void record_countsAcrossInstances_asEveryFunctionSharesTheItem() {
        reputation(1000).record(Outcome.SENT);
        reputation(1000).record(Outcome.SENT);

        Window window = reputation(1000).record(Outcome.BOUNCED);

        assertThat(window).isEqualTo(new Window(2, 1, 0));
    }

    // --- the window ---

    @Test
    void record_rollsTheCurrentHalfIntoThePrevious_whenItHoldsHalfTheWindowsSends() {
        DynamoDbSendingReputation reputation = reputation(4);
        reputation.record(Outcome.SENT);
        sent.clear();

        Window window = reputation.record(Outcome.SENT);

        assertThat(window).isEqualTo(new Window(2, 0, 0));
        assertThat(sent.requests(UpdateItemRequest.class)).hasSize(2);
        UpdateItemRequest roll = sent.requests(UpdateItemRequest.class).get(1);
        assertThat(roll.updateExpression()).isEqualTo("SET #previousSends = :previousSends, "
                + "#previousBounces = :previousBounces, #previousComplaints = :previousComplaints, "
                + "#sends = :sends, #bounces = :bounces, #complaints = :complaints");
        // Nothing bounced or complained yet: those counters are absent, not 0.
        assertThat(roll.conditionExpression()).isEqualTo(
                "#sends = :observedSends AND attribute_not_exists(#bounces) AND attribute_not_exists(#complaints)");
        assertThat(roll.expressionAttributeValues()).isEqualTo(Map.of(
                ":previousSends", AttributeValue.fromN("2"),
                ":previousBounces", AttributeValue.fromN("0"),
                ":previousComplaints", AttributeValue.fromN("0"),
                ":sends", AttributeValue.fromN("0"),
                ":bounces", AttributeValue.fromN("0"),
                ":complaints", AttributeValue.fromN("0"),
                ":observedSends", AttributeValue.fromN("2")));
        assertThat(counters()).isEqualTo(List.of(0L, 0L, 0L, 2L, 0L, 0L));
    }

    @Test
    void record_rollsConditionalOnEveryCounterItRead_onceTheyHaveBeenCounted() {
        DynamoDbSendingReputation reputation = reputation(4);
        reputation.record(Outcome.BOUNCED);
        reputation.record(Outcome.COMPLAINED);
        reputation.record(Outcome.BOUNCED);
        reputation.record(Outcome.SENT);
        sent.clear();

        reputation.record(Outcome.SENT);

        UpdateItemRequest roll = sent.requests(UpdateItemRequest.class).get(1);
        assertThat(roll.conditionExpression()).isEqualTo(
                "#sends = :observedSends AND #bounces = :observedBounces AND #complaints = :observedComplaints");
        assertThat(roll.expressionAttributeValues()).containsEntry(":observedSends", AttributeValue.fromN("2"))
                .containsEntry(":observedBounces", AttributeValue.fromN("2"))
                .containsEntry(":observedComplaints", AttributeValue.fromN("1"));
        assertThat(counters()).isEqualTo(List.of(0L, 0L, 0L, 2L, 2L, 1L));
    }

    @Test
    void record_keepsTheWindowBetweenHalfAndWholeWindowSends_oncePastTheFirstHalf() {
        DynamoDbSendingReputation reputation = reputation(10);
        List<Long> sends = new ArrayList<>();

        for (int i = 0; i < 17; i++) {
            sends.add(reputation.record(Outcome.SENT).sends());
        }

        assertThat(sends).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 6L, 7L, 8L, 9L, 10L, 6L, 7L);
    }

    @Test
    void record_carriesTheBouncesOfTheRolledHalf_untilTheHalfAfterItRollsToo() {
        DynamoDbSendingReputation reputation = reputation(4);
        reputation.record(Outcome.SENT);
        reputation.record(Outcome.BOUNCED);
        reputation.record(Outcome.COMPLAINED);
        reputation.record(Outcome.SENT);

        Window nextHalf = reputation.record(Outcome.SENT);
        reputation.record(Outcome.SENT);
        Window afterBothRolled = reputation.record(Outcome.SENT);

        assertThat(nextHalf).isEqualTo(new Window(3, 1, 1));
        assertThat(afterBothRolled).isEqualTo(new Window(3, 0, 0));
    }

    /**
     * Between this dispatch's counting update and its roll, another Lambda counts a send. The roll's
     * condition no longer holds, so nothing is reset and that send stays counted; the next send rolls
     * instead.
     */
    @Test
    void record_losesNoConcurrentSend_whenAnotherWriterCountsBetweenItsReadAndItsRoll() {
        DynamoDbSendingReputation reputation = reputation(4);
        reputation.record(Outcome.SENT);
        rival.beforeNextRoll(Outcome.SENT);

        Window window = reputation.record(Outcome.SENT);

        assertThat(window).isEqualTo(new Window(2, 0, 0));
        assertThat(rival.ran()).isTrue();
        assertThat(counters()).isEqualTo(List.of(3L, 0L, 0L, 0L, 0L, 0L));

        Window next = reputation.record(Outcome.SENT);

        assertThat(next).isEqualTo(new Window(4, 0, 0));
        assertThat(counters()).isEqualTo(List.of(0L, 0L, 0L, 4L, 0L, 0L));
    }

    @Test
    void record_losesNoConcurrentBounce_whenAnotherWriterCountsBetweenItsReadAndItsRoll() {
        DynamoDbSendingReputation reputation = reputation(4);
        reputation.record(Outcome.SENT);
        rival.beforeNextRoll(Outcome.BOUNCED);

        reputation.record(Outcome.SENT);

        assertThat(counters()).isEqualTo(List.of(2L, 1L, 0L, 0L, 0L, 0L));
        assertThat(reputation.record(Outcome.SENT)).isEqualTo(new Window(3, 1, 0));
        assertThat(counters()).isEqualTo(List.of(0L, 0L, 0L, 3L, 1L, 0L));
    }

    // --- the pause ---

    @Test
    void marketingEmailPause_isNull_whenNeverPaused_readingEventuallyConsistent() {
        DynamoDbSendingReputation reputation = reputation(1000);

        assertThat(reputation.marketingEmailPause()).isNull();
        assertThat(sent.requests(GetItemRequest.class)).singleElement().satisfies(get -> {
            assertThat(get.key()).isEqualTo(KEY);
            assertThat(get.consistentRead()).isFalse();
        });
    }

    @Test
    void marketingEmailPause_isCachedForCacheFor_thenReadAgain() {
        DynamoDbSendingReputation dispatch = reputation(1000);
        dispatch.marketingEmailPause();
        reputation(1000).pauseMarketingEmail("bounce_rate", NOW);
        sent.clear();

        clock.advance(CACHE_FOR.minusMillis(1));
        Pause cached = dispatch.marketingEmailPause();

        assertThat(cached).isNull();
        assertThat(sent.count("GetItem")).isZero();

        clock.advance(Duration.ofMillis(1));
        Pause reread = dispatch.marketingEmailPause();

        assertThat(reread).isEqualTo(new Pause("bounce_rate", NOW));
        assertThat(sent.count("GetItem")).isEqualTo(1);
    }

    @Test
    void marketingEmailPause_cachesAPauseToo() {
        DynamoDbSendingReputation dispatch = reputation(1000);
        reputation(1000).pauseMarketingEmail("complaint_rate", NOW);
        dispatch.marketingEmailPause();
        reputation(1000).resumeMarketingEmail(NOW.plusSeconds(10));
        sent.clear();

        clock.advance(Duration.ofSeconds(30));

        assertThat(dispatch.marketingEmailPause()).isEqualTo(new Pause("complaint_rate", NOW));
        assertThat(sent.count("GetItem")).isZero();
    }

    @Test
    void pauseMarketingEmail_writesReasonAndTime_ifNoPauseIsInForce() {
        DynamoDbSendingReputation reputation = reputation(1000);

        reputation.pauseMarketingEmail("bounce_rate", NOW);

        assertThat(sent.requests(UpdateItemRequest.class)).singleElement().satisfies(update -> {
            assertThat(update.key()).isEqualTo(KEY);
            assertThat(update.updateExpression()).isEqualTo("SET #pausedReason = :pausedReason, #pausedAt = :pausedAt");
            assertThat(update.conditionExpression()).isEqualTo("attribute_not_exists(#pausedReason)");
            assertThat(update.expressionAttributeValues()).isEqualTo(Map.of(
                    ":pausedReason", AttributeValue.fromS("bounce_rate"),
                    ":pausedAt", AttributeValue.fromS("2026-11-20T10:00:00.000000000Z")));
        });
    }

    @Test
    void pauseMarketingEmail_keepsTheFirstReasonAndTime_whenPausedAgain() {
        reputation(1000).pauseMarketingEmail("bounce_rate", NOW);

        reputation(1000).pauseMarketingEmail("complaint_rate", NOW.plusSeconds(90));

        assertThat(reputation(1000).marketingEmailPause()).isEqualTo(new Pause("bounce_rate", NOW));
        assertThat(sent.count("UpdateItem")).isEqualTo(2);
    }

    @Test
    void pauseMarketingEmail_takesEffectAtOnce_forTheInstanceThatPaused() {
        DynamoDbSendingReputation reputation = reputation(1000);
        assertThat(reputation.marketingEmailPause()).isNull();

        reputation.pauseMarketingEmail("complaint_rate", NOW);

        assertThat(reputation.marketingEmailPause()).isEqualTo(new Pause("complaint_rate", NOW));
    }

    @Test
    void resumeMarketingEmail_liftsThePause_andStartsCountingAfresh() {
        DynamoDbSendingReputation reputation = reputation(4);
        reputation.record(Outcome.SENT);
        reputation.record(Outcome.SENT);
        reputation.record(Outcome.BOUNCED);
        reputation.record(Outcome.COMPLAINED);
        reputation.pauseMarketingEmail("bounce_rate", NOW);
        assertThat(reputation.marketingEmailPause()).isNotNull();

        reputation.resumeMarketingEmail(NOW.plusSeconds(3600));

        Map<String, AttributeValue> item = rawItem();
        assertThat(item).doesNotContainKeys("pausedReason", "pausedAt");
        assertThat(item).containsEntry("resumedAt", AttributeValue.fromS("2026-11-20T11:00:00.000000000Z"));
        assertThat(counters()).isEqualTo(List.of(0L, 0L, 0L, 0L, 0L, 0L));
        assertThat(reputation.marketingEmailPause()).isNull();
        assertThat(reputation.record(Outcome.SENT)).isEqualTo(new Window(1, 0, 0));
    }

    @Test
    void pauseMarketingEmail_afterAResume_recordsTheNewReason() {
        DynamoDbSendingReputation reputation = reputation(1000);
        reputation.pauseMarketingEmail("bounce_rate", NOW);
        reputation.resumeMarketingEmail(NOW.plusSeconds(60));

        reputation.pauseMarketingEmail("complaint_rate", NOW.plusSeconds(120));

        assertThat(reputation.marketingEmailPause()).isEqualTo(new Pause("complaint_rate", NOW.plusSeconds(120)));
    }

    // --- the wire contract ---

    @Test
    void iamActions_areExactlyTheOperationsItCalls() {
        DynamoDbSendingReputation reputation = reputation(2);
        reputation.record(Outcome.SENT);
        reputation.record(Outcome.BOUNCED);
        reputation.marketingEmailPause();
        reputation.pauseMarketingEmail("bounce_rate", NOW);
        reputation.resumeMarketingEmail(NOW);

        assertThat(sent.iamActions()).containsExactlyInAnyOrderElementsOf(DynamoDbSendingReputation.IAM_ACTIONS);
        assertThat(new HashSet<>(DynamoDbSendingReputation.IAM_ACTIONS)).hasSize(DynamoDbSendingReputation.IAM_ACTIONS.size());
    }

    /** sends, bounces, complaints, then their previous half; an absent counter reads as 0. */
    private List<Long> counters() {
        Map<String, AttributeValue> item = rawItem();
        return List.of("sends", "bounces", "complaints", "previousSends", "previousBounces", "previousComplaints")
                .stream()
                .map(name -> item.containsKey(name) ? Long.parseLong(item.get(name).n()) : 0L)
                .toList();
    }

    private Map<String, AttributeValue> rawItem() {
        return raw.getItem(b -> b.tableName(table).key(KEY).consistentRead(true)).item();
    }

    /**
     * Plays another Lambda: once armed, just before the next conditional roll goes out, it counts
     * one outcome on the same item through a client of its own.
     */
    private static final class ConcurrentWriter implements ExecutionInterceptor {

        private final AtomicReference<Outcome> armed = new AtomicReference<>();
        private volatile boolean ran;

        void beforeNextRoll(Outcome outcome) {
            armed.set(outcome);
        }

        boolean ran() {
            return ran;
        }

        void clear() {
            armed.set(null);
            ran = false;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof UpdateItemRequest update && update.conditionExpression() != null
                    && update.updateExpression().contains("#previousSends")) {
                Outcome outcome = armed.getAndSet(null);
                if (outcome != null) {
                    String counter = switch (outcome) {
                        case SENT -> "sends";
                        case BOUNCED -> "bounces";
                        case COMPLAINED -> "complaints";
                    };
                    raw.updateItem(b -> b.tableName(update.tableName()).key(KEY)
                            .updateExpression("ADD #c :one")
                            .expressionAttributeNames(Map.of("#c", counter))
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
                    ran = true;
                }
            }
        }
    }
}
