package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.render.SmsMessage;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A text three days before a subscription charges, with the link to manage it. The customer (New
 * York, no marketing SMS) subscribes to socks charged at 02:00 local on 10 December, so the reminder
 * falls due at 02:00 on the 7th, inside quiet hours.
 */
class SubscriptionReminderScenarioTest {

    private static final String CUSTOMER = "c-5001";
    private static final String REMINDER = "renews December 10, 2026 $25.00 manage https://shop.example/account/subscriptions/sub-5001";

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    private void subscribed() {
        harness.arrive(event("policy-order-placed.json"));
        harness.arrive(event("issue4-subscription-active.json"));
    }

    private static Map<String, Object> subscription(String status, String occurredAt) {
        return set(at(event("issue4-subscription-active.json"), occurredAt), "detail.status", status);
    }

    private List<String> reminderTexts() {
        return harness.sms.messages().stream().map(SmsMessage::body).filter(b -> b.startsWith("renews")).toList();
    }

    private List<LedgerEntry> reminders() {
        return harness.entries(CUSTOMER, "subscription-reminder", "reminder");
    }

    @Test
    void reminder_isATransactionalText_dueThreeDaysBeforeTheCharge() {
        subscribed();

        LedgerEntry reminder = harness.entry(CUSTOMER, "subscription-reminder", "reminder", Channel.SMS);

        assertThat(reminder.status()).isEqualTo(MessageStatus.SCHEDULED);
        assertThat(reminder.dueAt()).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
        assertThat(reminder.kind()).isEqualTo(MessageKind.TRANSACTIONAL);
    }

    @Test
    void reminderDueInQuietHours_isHeldUntilEight_thenSentWithTheManageLink() {
        // given
        subscribed();

        // when: the clock reaches 02:00 New York time on the 7th
        List<MessageOutcome> fired = harness.runUntil(Instant.parse("2026-12-07T07:00:05Z"));

        // then: held, not dropped
        assertThat(fired).containsExactly(new MessageOutcome.Held(Instant.parse("2026-12-07T13:00:00Z"),
                "sms_quiet_hours"));
        assertThat(reminderTexts()).isEmpty();

        // when: it is 08:00 there
        harness.runUntil(Instant.parse("2026-12-07T13:00:05Z"));

        // then
        assertThat(reminderTexts()).containsExactly(REMINDER);
        assertThat(harness.entry(CUSTOMER, "subscription-reminder", "reminder", Channel.SMS).updatedAt())
                .isEqualTo(Instant.parse("2026-12-07T13:00:00Z"));
    }

    @Test
    void pausingOrCancelling_meansNoReminder() {
        subscribed();

        harness.arrive(subscription("paused", "2026-11-28T15:00:00Z"));
        harness.runUntil(Instant.parse("2026-12-11T00:00:00Z"));

        assertThat(reminderTexts()).isEmpty();
        assertThat(reminders()).extracting(LedgerEntry::reason).containsExactly("subscription_changed");
    }

    @Test
    void movingTheChargeDate_replacesTheReminder() {
        // given
        subscribed();

        // when: billing moves the charge a week later
        harness.arrive(set(at(event("issue4-subscription-active.json"), "2026-11-28T15:00:00Z"), "detail.nextChargeAt",
                "2026-12-17T07:00:00Z"));
        harness.runUntil(Instant.parse("2026-12-18T00:00:00Z"));

        // then: one reminder, three days before the new date
        assertThat(reminderTexts()).containsExactly(REMINDER.replace("December 10", "December 17"));
        assertThat(reminders()).extracting(LedgerEntry::status, e -> e.subject().get("nextChargeAt"))
                .containsExactlyInAnyOrder(
                        tuple(MessageStatus.CANCELLED, "2026-12-10T07:00:00Z"),
                        tuple(MessageStatus.SENT, "2026-12-17T07:00:00Z"));
    }

    @Test
    void sameReportAgain_keepsTheOneReminder() {
        subscribed();

        EventOutcome again = harness.arrive(at(event("issue4-subscription-active.json"), "2026-11-25T15:00:00Z"));

        assertThat(again.state()).isEqualTo(RecordState.DUPLICATE);
        assertThat(again.messages()).extracting(PlannedMessage::describe).containsExactly("unchanged:scheduled");
        assertThat(reminders()).hasSize(1);
    }
}
