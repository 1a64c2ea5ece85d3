package dev.aftercart.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.feedback.EmailFeedback.Type;
import dev.aftercart.core.engine.Policies;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.policy.SendRules;
import dev.aftercart.core.port.SendingReputation;
import dev.aftercart.core.testing.CapturedLog;
import dev.aftercart.core.testing.InMemoryCustomerStore;
import dev.aftercart.core.testing.InMemoryMessageLedger;
import dev.aftercart.core.testing.InMemorySendingReputation;
import dev.aftercart.core.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reputation guard: once at least 200 sends were counted, a bounce rate above 4% or a
 * complaint rate above 0.08% of the window pauses marketing email, before SES's own review
 * thresholds. The window here holds up to 10,000 sends, so every send of a test counts.
 */
class ReputationGuardTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final MutableClock clock = MutableClock.at(NOW.toString());
    private final InMemoryMessageLedger ledger = new InMemoryMessageLedger();
    private final InMemorySendingReputation reputation = new InMemorySendingReputation(10_000);
    private final FeedbackRecorder recorder = new FeedbackRecorder(new InMemoryCustomerStore(ledger), ledger, reputation,
            SendRules.Reputation.DEFAULTS, false, clock);

    private void record(Type type, int times) {
        for (int i = 0; i < times; i++) {
            recorder.record(new EmailFeedback("c-" + i, "m-" + type + i, type, "someone@example.com", NOW));
        }
    }

    private static List<Map<String, Object>> metrics(CapturedLog log, String name) {
        return log.lines().stream()
                .filter(line -> line.contains("\"_aws\""))
                .map(Json::parseObject)
                .filter(m -> m.containsKey(name))
                .toList();
    }

    @Test
    void bounceRateOfExactly4Percent_doesNotPause() {
        // when: 8 bounces in 200 sends
        record(Type.SENT, 200);
        record(Type.BOUNCED_PERMANENTLY, 8);

        // then
        assertThat(reputation.marketingEmailPause()).isNull();
    }

    @Test
    void bounceRateAbove4Percent_pausesMarketingEmail() {
        // given
        record(Type.SENT, 200);
        record(Type.BOUNCED_PERMANENTLY, 8);

        // when: the ninth bounce, 4.5%
        record(Type.BOUNCED_PERMANENTLY, 1);

        // then
        assertThat(reputation.marketingEmailPause()).isEqualTo(new SendingReputation.Pause("bounce_rate", NOW));
    }

    @Test
    void transientBounces_doNotCountTowardsTheBounceRate() {
        record(Type.SENT, 200);
        record(Type.BOUNCED_TRANSIENTLY, 50);

        assertThat(reputation.marketingEmailPause()).isNull();
    }

    @Test
    void complaintRateOfExactly0point08Percent_doesNotPause() {
        // when: 1 complaint in 1,250 sends
        record(Type.SENT, 1250);
        record(Type.COMPLAINED, 1);

        // then
        assertThat(reputation.marketingEmailPause()).isNull();
    }

    @Test
    void complaintRateAbove0point08Percent_pausesMarketingEmail() {
        // when: 2 complaints in 1,250 sends (0.16%)
        record(Type.SENT, 1250);
        record(Type.COMPLAINED, 2);

        // then
        assertThat(reputation.marketingEmailPause()).isEqualTo(new SendingReputation.Pause("complaint_rate", NOW));
    }

    /**
     * One complaint in fewer than 1,250 sends is already above 0.08%: a window that small cannot
     * tell a bad list from one unlucky complaint, so it does not pause.
     */
    @Test
    void oneComplaint_inTooFewSendsToJudgeTheRate_doesNotPause() {
        record(Type.SENT, 1249);
        record(Type.COMPLAINED, 1);
        assertThat(reputation.marketingEmailPause()).isNull();

        record(Type.SENT, 1);
        record(Type.COMPLAINED, 1);
        assertThat(reputation.marketingEmailPause()).isEqualTo(new SendingReputation.Pause("complaint_rate", NOW));
    }

    @Test
    void withThePoliciesShipped_aSingleComplaintNeverPauses_butABadListDoes() {
        assertThat(Policies.fromClasspath().sendRules().reputation()).isEqualTo(SendRules.Reputation.DEFAULTS);
        record(Type.SENT, 5000);
        record(Type.COMPLAINED, 1);
        assertThat(reputation.marketingEmailPause()).isNull();

        record(Type.COMPLAINED, 4);
        assertThat(reputation.marketingEmailPause()).isEqualTo(new SendingReputation.Pause("complaint_rate", NOW));
    }

    @Test
    void belowTheMinimumSends_nothingPauses_howeverBadTheRates() {
        record(Type.SENT, 199);
        record(Type.BOUNCED_PERMANENTLY, 199);
        record(Type.COMPLAINED, 199);

        assertThat(reputation.marketingEmailPause()).isNull();
    }

    @Test
    void theSendThatReachesTheMinimum_pauses_whenTheRatesAreAlreadyBad() {
        // given
        record(Type.SENT, 100);
        record(Type.BOUNCED_PERMANENTLY, 50);
        record(Type.SENT, 99);
        assertThat(reputation.marketingEmailPause()).isNull();

        // when: the 200th send
        record(Type.SENT, 1);

        // then
        assertThat(reputation.marketingEmailPause()).isEqualTo(new SendingReputation.Pause("bounce_rate", NOW));
    }

    @Test
    void bothRatesTooHigh_isReportedAsTheBounceRate() {
        // given: half the sends bounced and half drew a complaint, below the minimum sends
        record(Type.SENT, 199);
        record(Type.BOUNCED_PERMANENTLY, 100);
        record(Type.COMPLAINED, 100);

        // when
        record(Type.SENT, 1);

        // then
        assertThat(reputation.marketingEmailPause()).isEqualTo(new SendingReputation.Pause("bounce_rate", NOW));
    }

    @Test
    void pausing_logsAnErrorAndAnEmfMetric_once() {
        try (CapturedLog log = CapturedLog.start()) {
            // given
            record(Type.SENT, 200);

            // when: nine bounces pause; three more change nothing
            record(Type.BOUNCED_PERMANENTLY, 12);

            // then
            List<Map<String, Object>> paused = metrics(log, "MarketingEmailPaused");
            assertThat(paused).hasSize(1);
            Map<String, Object> metric = paused.get(0);
            assertThat(metric).containsEntry("Reason", "bounce_rate");
            assertThat(((Number) metric.get("MarketingEmailPaused")).intValue()).isEqualTo(1);
            assertThat(metric.toString()).contains("Namespace=Aftercart", "Name=MarketingEmailPaused", "Unit=Count",
                    "Timestamp=" + NOW.toEpochMilli());
            assertThat(log.lines()).filteredOn(line -> line.contains("\"event\":\"marketing_email_paused\""))
                    .singleElement().satisfies(line -> assertThat(line)
                            .contains("\"level\":\"ERROR\"", "\"reason\":\"bounce_rate\"", "\"sends\":200",
                                    "\"bounces\":9"));
        }
    }

    @Test
    void resumeMarketingEmail_liftsThePause_andLogsTheMetricAtZero() {
        // given
        record(Type.SENT, 200);
        record(Type.BOUNCED_PERMANENTLY, 9);
        clock.set(NOW.plusSeconds(3600));

        try (CapturedLog log = CapturedLog.start()) {
            // when
            recorder.resumeMarketingEmail();

            // then
            assertThat(reputation.marketingEmailPause()).isNull();
            // 0 for each reason's alarm, which otherwise stays in alarm while no data comes
            assertThat(metrics(log, "MarketingEmailPaused")).extracting(metric -> metric.get("Reason"))
                    .containsExactly("bounce_rate", "complaint_rate");
            assertThat(metrics(log, "MarketingEmailPaused"))
                    .allSatisfy(metric -> assertThat(((Number) metric.get("MarketingEmailPaused")).intValue()).isZero());
            assertThat(log.text()).contains("\"event\":\"marketing_email_resumed\"");
        }
    }

    @Test
    void afterResuming_theGuardPausesAgain_onTheNextBadWindow() {
        record(Type.SENT, 200);
        record(Type.BOUNCED_PERMANENTLY, 9);
        recorder.resumeMarketingEmail();
        clock.set(NOW.plusSeconds(7200));

        record(Type.SENT, 1250);
        record(Type.COMPLAINED, 2);

        assertThat(reputation.marketingEmailPause())
                .isEqualTo(new SendingReputation.Pause("complaint_rate", NOW.plusSeconds(7200)));
    }
}
