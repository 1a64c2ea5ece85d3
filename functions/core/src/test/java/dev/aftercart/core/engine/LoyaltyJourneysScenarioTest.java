package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aftercart.core.customer.Loyalty;
import dev.aftercart.core.event.PointsExpiry;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Loyalty on the virtual clock: points expiry reminders and tier upgrades. The customer (New York,
 * marketing by email and SMS) joins on 27 November with 300 points expiring at the start of
 * 15 January and 150 at the start of 31 March.
 */
class LoyaltyJourneysScenarioTest {

    private static final String CUSTOMER = "c-5001";

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    private void customerTakingMarketing() {
        harness.arrive(set(event("policy-order-placed.json"), "detail.customer.consent.smsMarketing", true));
    }

    private List<LedgerEntry> reminders() {
        return harness.ledger.forCustomer(CUSTOMER).stream().filter(e -> e.journeyId().equals("points-expiry")).toList();
    }

    private static List<String> described(EventOutcome outcome) {
        return outcome.messages().stream()
                .map(m -> m.journeyId() + "/" + m.stepId() + "/" + m.channel().id() + " " + m.describe())
                .toList();
    }

    private static Map<String, Object> inTier(String tier, String occurredAt) {
        return set(at(event("issue4-loyalty-joined.json"), occurredAt), "detail.tier", tier);
    }

    // --- points expiry ---

    @Test
    void joining_keepsTheStanding_andSchedulesAWarningAndALastChance_atTenLocal() {
        // given
        customerTakingMarketing();

        // when
        EventOutcome joined = harness.arrive(event("issue4-loyalty-joined.json"));

        // then: 30 and 7 days before 15 January, at 10:00 EST, by SMS and email; joining is no upgrade
        assertThat(harness.customers.profile(CUSTOMER).orElseThrow().loyalty()).isEqualTo(new Loyalty(true, "member",
                450, List.of(new PointsExpiry(150, Instant.parse("2027-03-31T04:00:00Z")),
                        new PointsExpiry(300, Instant.parse("2027-01-15T05:00:00Z"))),
                Instant.parse("2026-11-27T15:00:00Z")));
        assertThat(described(joined)).containsExactly("points-expiry/warning/sms scheduled",
                "points-expiry/warning/email scheduled", "points-expiry/last-chance/sms scheduled",
                "points-expiry/last-chance/email scheduled");
        assertThat(reminders()).extracting(LedgerEntry::stepId, e -> e.dueAt().toString()).containsExactlyInAnyOrder(
                tuple("warning", "2026-12-16T15:00:00Z"), tuple("warning", "2026-12-16T15:00:00Z"),
                tuple("last-chance", "2027-01-08T15:00:00Z"), tuple("last-chance", "2027-01-08T15:00:00Z"));
    }

    @Test
    void reminders_sayExactlyHowManyPointsExpireAndOnWhichDay() {
        // given
        customerTakingMarketing();
        harness.arrive(event("issue4-loyalty-joined.json"));

        // when
        harness.runUntil(Instant.parse("2027-01-09T00:00:00Z"));

        // then
        List<String> told = List.of("warning:300 points expire on January 15, 2027",
                "last-chance:300 points expire on January 15, 2027");
        // The first marketing text to the number says how to stop; later ones do not repeat it.
        assertThat(harness.sms.messages()).extracting(SmsMessage::body).containsSubsequence(
                "warning:300 points expire on January 15, 2027 STOP to end",
                "last-chance:300 points expire on January 15, 2027");
        assertThat(harness.email.messages()).extracting(m -> m.text().strip()).containsSubsequence(told);
        assertThat(reminders()).allMatch(e -> e.status() == MessageStatus.SENT);
    }

    @Test
    void pointsSpentAfterTheWarning_withdrawTheLastChance_andTheNextExpiryIsRemindedOf() {
        // given: the warning went out on 16 December
        customerTakingMarketing();
        harness.arrive(event("issue4-loyalty-joined.json"));

        // when: on 20 December the programme reports the 300 points spent
        harness.arrive(event("issue4-loyalty-points-spent.json"));
        harness.runUntil(Instant.parse("2027-04-01T00:00:00Z"));

        // then: 31 March's reminders count from that day, at 10:00 EST and EDT
        assertThat(reminders()).extracting(LedgerEntry::stepId, e -> e.subject().get("expiresAt"), LedgerEntry::status,
                LedgerEntry::reason, e -> e.dueAt().toString()).containsExactlyInAnyOrder(
                tuple("warning", "2027-01-15T05:00:00Z", MessageStatus.SENT, null, "2026-12-16T15:00:00Z"),
                tuple("warning", "2027-01-15T05:00:00Z", MessageStatus.SENT, null, "2026-12-16T15:00:00Z"),
                tuple("last-chance", "2027-01-15T05:00:00Z", MessageStatus.CANCELLED, "points_spent", "2027-01-08T15:00:00Z"),
                tuple("last-chance", "2027-01-15T05:00:00Z", MessageStatus.CANCELLED, "points_spent", "2027-01-08T15:00:00Z"),
                tuple("warning", "2027-03-31T04:00:00Z", MessageStatus.SENT, null, "2027-03-01T15:00:00Z"),
                tuple("warning", "2027-03-31T04:00:00Z", MessageStatus.SENT, null, "2027-03-01T15:00:00Z"),
                tuple("last-chance", "2027-03-31T04:00:00Z", MessageStatus.SENT, null, "2027-03-24T14:00:00Z"),
                tuple("last-chance", "2027-03-31T04:00:00Z", MessageStatus.SENT, null, "2027-03-24T14:00:00Z"));
        assertThat(harness.sms.messages()).extracting(SmsMessage::body)
                .contains("warning:150 points expire on March 31, 2027")
                .doesNotContain("last-chance:300 points expire on January 15, 2027");
    }

    @Test
    void expiryTooCloseForTheWarning_skipsItAsTooLate_andKeepsTheLastChance() {
        // given
        customerTakingMarketing();
        Map<String, Object> soon = event("issue4-loyalty-joined.json");
        set(soon, "detail.pointsExpiring", List.of(Map.of("points", BigDecimal.valueOf(300),
                "expiresAt", "2026-12-12T05:00:00Z")));

        // when: the points expire in 15 days
        EventOutcome joined = harness.arrive(soon);

        // then
        assertThat(described(joined)).containsExactly("points-expiry/warning/sms skipped:too_late",
                "points-expiry/warning/email skipped:too_late", "points-expiry/last-chance/sms scheduled",
                "points-expiry/last-chance/email scheduled");
        assertThat(reminders()).filteredOn(e -> e.stepId().equals("last-chance"))
                .allMatch(e -> e.dueAt().equals(Instant.parse("2026-12-05T15:00:00Z")));
    }

    @Test
    void laterReport_withTheSameEarliestExpiry_plansNothingNew() {
        customerTakingMarketing();
        harness.arrive(event("issue4-loyalty-joined.json"));

        Map<String, Object> earned = at(event("issue4-loyalty-joined.json"), "2026-12-01T15:00:00Z");
        set(earned, "detail.pointsBalance", BigDecimal.valueOf(520));
        EventOutcome outcome = harness.arrive(earned);

        assertThat(outcome.messages()).extracting(PlannedMessage::describe).containsOnly("unchanged:scheduled");
        assertThat(reminders()).hasSize(4);
    }

    // --- tier upgrades ---

    private List<String> congratulations() {
        return harness.email.messages().stream().map(m -> m.text().strip()).filter(t -> t.startsWith("tier:")).toList();
    }

    @Test
    void climbingTheLadder_isCongratulatedOncePerTier() {
        // given: a customer who takes no marketing at all
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(set(event("issue4-loyalty-joined.json"), "detail.pointsExpiring", List.of()));

        // when: silver, silver again with more points, then gold
        harness.arrive(inTier("silver", "2026-12-01T15:00:00Z"));
        harness.arrive(set(inTier("silver", "2026-12-05T15:00:00Z"), "detail.pointsBalance", BigDecimal.valueOf(900)));
        harness.arrive(inTier("gold", "2026-12-10T15:00:00Z"));

        // then
        assertThat(congratulations()).containsExactly("tier:silver", "tier:gold");
    }

    @Test
    void joiningAtTheLowestTier_isNotCongratulated() {
        harness.arrive(event("policy-order-placed.json"));

        EventOutcome joined = harness.arrive(event("issue4-loyalty-joined.json"));

        assertThat(joined.messages()).noneMatch(m -> m.journeyId().equals("loyalty-tier-upgrade"));
        assertThat(congratulations()).isEmpty();
    }

    @Test
    void movingDownTheLadder_isNotCongratulated() {
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("issue4-loyalty-joined.json"));
        harness.arrive(inTier("gold", "2026-12-01T15:00:00Z"));

        EventOutcome down = harness.arrive(inTier("silver", "2027-01-01T15:00:00Z"));

        assertThat(down.messages()).noneMatch(m -> m.journeyId().equals("loyalty-tier-upgrade"));
        assertThat(congratulations()).containsExactly("tier:gold");
    }
}
