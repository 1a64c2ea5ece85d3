package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An event whose new state meets a waiting message's exit withdraws it at once: its schedule is
 * deleted and the ledger says why. The customer (New York) ordered a shoe, socks and a water bottle
 * on 20 November; they were delivered late on the 23rd. The bottle is used for 21 days, so its
 * review request is a message of its own.
 */
class WithdrawalTest {

    private static final String CUSTOMER = "c-5001";

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    private void orderDelivered() {
        harness.arrive(event("policy-product-updated-usage-21.json"));
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("policy-shipment-delivered.json"));
    }

    /** The customer's one entry of this journey step and channel about exactly these products. */
    private LedgerEntry entry(String journey, String step, Channel channel, String productIds) {
        List<LedgerEntry> found = harness.entries(CUSTOMER, journey, step).stream()
                .filter(e -> e.channel() == channel && productIds.equals(e.subject().get("productIds")))
                .toList();
        assertThat(found).as("%s/%s about %s", journey, step, productIds).hasSize(1);
        return found.get(0);
    }

    private LedgerEntry now(LedgerEntry entry) {
        return harness.ledger.find(CUSTOMER, entry.messageId()).orElseThrow();
    }

    /** The entry was scheduled, and is now cancelled for {@code reason} with its schedule deleted. */
    private void assertWithdrawn(LedgerEntry scheduled, String reason) {
        assertThat(scheduled.scheduleName()).as("scheduled before").isNotNull();
        LedgerEntry after = now(scheduled);
        assertThat(after.status()).as(after.journeyId() + "/" + after.stepId()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(after.reason()).isEqualTo(reason);
        assertThat(harness.scheduler.cancelled()).contains(scheduled.scheduleName());
        assertThat(harness.waiting()).noneMatch(s -> s.messageId().equals(scheduled.messageId()));
    }

    private static List<String> described(EventOutcome outcome) {
        return outcome.messages().stream()
                .map(m -> m.journeyId() + "/" + m.stepId() + "/" + m.channel().id() + " " + m.describe())
                .toList();
    }

    // --- product_reviewed ---

    @Test
    void review_withdrawsTheRequestAndReminderAboutThatProduct_andLeavesTheOthersWaiting() {
        // given
        orderDelivered();
        LedgerEntry request = entry("review-request", "request", Channel.EMAIL, "p-530");
        LedgerEntry reminder = entry("review-request", "reminder", Channel.EMAIL, "p-530");
        LedgerEntry others = entry("review-request", "request", Channel.EMAIL, "p-510,p-520");

        // when
        EventOutcome outcome = harness.arrive(event("issue4-review-5-stars.json"));

        // then
        assertThat(described(outcome)).contains("review-request/request/email cancelled:product_reviewed",
                "review-request/reminder/email cancelled:product_reviewed");
        assertWithdrawn(request, "product_reviewed");
        assertWithdrawn(reminder, "product_reviewed");
        assertThat(now(others).status()).isEqualTo(MessageStatus.SCHEDULED);
    }

    // --- item_returned ---

    private static Map<String, Object> returnOfTheBottle(String status, String occurredAt) {
        return set(at(event("issue4-return-requested.json"), occurredAt), "detail.status", status);
    }

    @Test
    void approvedReturn_withdrawsTheReviewRequestAndReplenishmentOfWhatGoesBack() {
        // given: the bottle also needs replacing every 60 days
        harness.arrive(set(event("policy-product-updated-usage-21.json"), "detail.replenishAfterDays",
                BigDecimal.valueOf(60)));
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("policy-shipment-delivered.json"));
        LedgerEntry request = entry("review-request", "request", Channel.EMAIL, "p-530");
        LedgerEntry reminder = entry("review-request", "reminder", Channel.EMAIL, "p-530");
        LedgerEntry replenishment = entry("replenishment", "reminder", Channel.EMAIL, "p-530");

        // when: requested, which withdraws nothing, then approved
        EventOutcome requested = harness.arrive(returnOfTheBottle("requested", "2026-11-25T15:00:00Z"));
        EventOutcome approved = harness.arrive(returnOfTheBottle("approved", "2026-11-26T15:00:00Z"));

        // then
        assertThat(requested.messages()).noneMatch(m -> m.outcome() instanceof MessageOutcome.Cancelled);
        assertThat(described(approved)).contains("replenishment/reminder/email cancelled:item_returned");
        assertWithdrawn(request, "item_returned");
        assertWithdrawn(reminder, "item_returned");
        assertWithdrawn(replenishment, "item_returned");
        assertThat(now(entry("review-request", "request", Channel.EMAIL, "p-510,p-520")).status())
                .isEqualTo(MessageStatus.SCHEDULED);
    }

    // --- loyalty_member ---

    @Test
    void joiningTheLoyaltyProgramme_withdrawsThePendingInvitation() {
        // given
        orderDelivered();
        harness.arrive(event("issue4-review-5-stars.json"));
        LedgerEntry invitation = harness.entry(CUSTOMER, "loyalty-invitation", "invite", Channel.EMAIL);

        // when: they join the next morning, before the invitation is due at 10:00
        EventOutcome joined = harness.arrive(at(event("issue4-loyalty-joined.json"), "2026-11-27T12:00:00Z"));

        // then
        assertThat(described(joined)).contains("loyalty-invitation/invite/email cancelled:loyalty_member");
        assertWithdrawn(invitation, "loyalty_member");
        harness.runUntil(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(harness.email.messages()).noneMatch(m -> m.text().startsWith("invite"));
    }

    // --- points_spent ---

    @Test
    void spendingThePoints_withdrawsBothRemindersOnBothChannels() {
        // given
        harness.arrive(set(event("policy-order-placed.json"), "detail.customer.consent.smsMarketing", true));
        harness.arrive(event("issue4-loyalty-joined.json"));
        List<LedgerEntry> reminders = harness.ledger.forCustomer(CUSTOMER).stream()
                .filter(e -> e.journeyId().equals("points-expiry")).toList();
        assertThat(reminders).hasSize(4);

        // when: the points expiring on 15 January are spent on 1 December, before any reminder
        EventOutcome spent = harness.arrive(at(event("issue4-loyalty-points-spent.json"), "2026-12-01T15:00:00Z"));

        // then: all four are withdrawn, and the next expiry's are planned
        reminders.forEach(r -> assertWithdrawn(r, "points_spent"));
        assertThat(spent.messages()).filteredOn(m -> m.outcome() instanceof MessageOutcome.Scheduled).hasSize(4);
    }

    // --- subscription_changed ---

    private static Map<String, Object> subscription(String status, String occurredAt) {
        return set(at(event("issue4-subscription-active.json"), occurredAt), "detail.status", status);
    }

    @Test
    void pausingTheSubscription_withdrawsItsReminder() {
        // given
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("issue4-subscription-active.json"));
        LedgerEntry reminder = harness.entry(CUSTOMER, "subscription-reminder", "reminder", Channel.SMS);

        // when
        EventOutcome paused = harness.arrive(subscription("paused", "2026-11-28T15:00:00Z"));

        // then
        assertThat(described(paused)).containsExactly("subscription-reminder/reminder/sms cancelled:subscription_changed");
        assertWithdrawn(reminder, "subscription_changed");
    }

    @Test
    void reminderHeldForQuietHours_isWithdrawnToo_withTheHoldsSchedule() {
        // given: the reminder fell due at 02:00 New York time and waits for 08:00
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("issue4-subscription-active.json"));
        harness.runUntil(Instant.parse("2026-12-07T09:00:00Z"));
        LedgerEntry held = harness.entry(CUSTOMER, "subscription-reminder", "reminder", Channel.SMS);
        assertThat(held.status()).isEqualTo(MessageStatus.HELD);

        // when: cancelled at 05:00 New York time
        harness.arrive(subscription("cancelled", "2026-12-07T10:00:00Z"));

        // then
        assertWithdrawn(held, "subscription_changed");
        harness.runUntil(Instant.parse("2026-12-11T00:00:00Z"));
        assertThat(harness.sms.messages()).noneMatch(m -> m.body().startsWith("renews"));
    }

    // --- product_rated_poorly ---

    @Test
    void ratingTheProductTwoOrLower_withdrawsItsReplenishment() {
        // given
        harness.arrive(event("issue4-product-socks-replenish-60.json"));
        harness.arrive(event("policy-order-placed.json"));
        LedgerEntry replenishment = entry("replenishment", "reminder", Channel.EMAIL, "p-520");

        // when: the socks get one star
        harness.arrive(event("issue4-review-1-star.json"));

        // then
        assertWithdrawn(replenishment, "negative_review");
    }

    // --- product_reordered: checked when due, for an order withdraws nothing ---

    @Test
    void reorderingTheProduct_skipsTheEarlierReplenishment_whenItFallsDue() {
        // given
        harness.arrive(event("issue4-product-socks-replenish-60.json"));
        harness.arrive(event("policy-order-placed.json"));
        LedgerEntry first = entry("replenishment", "reminder", Channel.EMAIL, "p-520");

        // when: the socks are ordered again a month later
        Map<String, Object> reorder = at(event("policy-order-placed.json"), "2026-12-20T15:00:00Z");
        set(reorder, "detail.orderId", "o-5002");
        set(reorder, "detail.placedAt", "2026-12-20T15:00:00Z");
        harness.arrive(reorder);
        harness.runUntil(Instant.parse("2027-01-20T00:00:00Z"));

        // then
        assertThat(now(first).status()).isEqualTo(MessageStatus.SKIPPED);
        assertThat(now(first).reason()).isEqualTo("product_reordered");
        assertThat(harness.email.messages()).noneMatch(m -> m.text().startsWith("replenish"));
    }
}
