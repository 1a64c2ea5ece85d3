package dev.aftercart.core.engine;

import static dev.aftercart.core.testing.Fixtures.at;
import static dev.aftercart.core.testing.Fixtures.event;
import static dev.aftercart.core.testing.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.ledger.SkipReason;
import dev.aftercart.core.policy.SendPolicy;
import dev.aftercart.core.testing.EngineHarness;
import dev.aftercart.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dispatch re-decides at send time: holds, falls back, counts marketing, and leaves finished messages alone. */
class DispatcherSendTimeTest {

    private static final String CUSTOMER = "c-5001";

    private final EngineHarness harness = EngineHarness.withTemplates(Fixtures.templatesIn("policy-templates"));

    @BeforeEach
    void orderIsPlaced() {
        harness.arrive(event("policy-order-placed.json"));
    }

    private CustomerProfile profile() {
        return harness.customers.profile(CUSTOMER).orElseThrow();
    }

    private LedgerEntry followUp(Channel channel) {
        return harness.entry(CUSTOMER, "shipping-updates", "attempted-follow-up", channel);
    }

    private LedgerEntry stored(LedgerEntry entry) {
        return harness.ledger.find(entry.customerId(), entry.messageId()).orElseThrow();
    }

    /** Another writer changing the profile, as a Customer Updated handled by another Lambda would. */
    private void concurrently(java.util.function.UnaryOperator<CustomerProfile> change) {
        harness.customers.beforeProfileSave(() -> {
            CustomerProfile current = profile();
            assertThat(harness.customers.saveProfile(change.apply(current).withVersion(current.version() + 1),
                    current.version())).isTrue();
        });
    }

    private static CustomerProfile withConsent(CustomerProfile p, Consent consent) {
        return new CustomerProfile(p.customerId(), p.email(), p.phone(), p.firstName(), p.locale(), p.timeZone(),
                p.region(), consent, p.suppression(), p.loyalty(), p.engagement(), p.subscriptions(), p.updatedAt(),
                p.version());
    }

    // --- holds ---

    @Test
    void scheduledSmsFiringInQuietHours_isHeld_underANewScheduleName() {
        // given: a delivery attempt at 22:00 New York time, so its follow-up falls due at 22:00 the next day
        harness.arrive(at(event("policy-shipment-attempted-delivery.json"), "2026-11-24T03:00:00Z"));
        LedgerEntry scheduled = followUp(Channel.SMS);

        // when
        List<MessageOutcome> fired = harness.runUntil(Instant.parse("2026-11-25T03:00:00Z"));

        // then
        Instant eight = Instant.parse("2026-11-25T13:00:00Z");
        LedgerEntry held = followUp(Channel.SMS);
        assertThat(fired).contains(new MessageOutcome.Held(eight, SendPolicy.QUIET_HOURS));
        assertThat(held.status()).isEqualTo(MessageStatus.HELD);
        assertThat(held.reason()).isEqualTo("sms_quiet_hours");
        assertThat(held.dueAt()).isEqualTo(eight);
        assertThat(held.scheduleName()).isEqualTo(ScheduleNames.of(held.messageId(), eight))
                .isNotEqualTo(scheduled.scheduleName());
        assertThat(harness.waiting()).extracting(s -> s.name()).contains(held.scheduleName());
    }

    @Test
    void heldMessage_firedWhenTheWindowOpens_isSent() {
        // given: the follow-up held until 08:00
        harness.arrive(at(event("policy-shipment-attempted-delivery.json"), "2026-11-24T03:00:00Z"));
        harness.runUntil(Instant.parse("2026-11-25T03:00:00Z"));
        int smsBefore = harness.sms.count();

        // when
        harness.runUntil(Instant.parse("2026-11-25T13:00:00Z"));

        // then
        assertThat(followUp(Channel.SMS).status()).isEqualTo(MessageStatus.SENT);
        assertThat(harness.sms.count()).isEqualTo(smsBefore + 1);
        assertThat(harness.sms.last().messageId()).isEqualTo(followUp(Channel.SMS).messageId());
    }

    // --- fallback ---

    /** The customer says no to order texts; the store still knows their phone. */
    private void refusesOrderTexts(String at) {
        Map<String, Object> update = set(event("customer-updated.json"), "detail.customer.customerId", CUSTOMER);
        set(update, "detail.customer.email", "orla.brightwater@example.com");
        set(update, "detail.customer.consent", new java.util.LinkedHashMap<>(Map.of("smsTransactional", false)));
        harness.arrive(at(update, at));
    }

    @Test
    void followUpSmsThatCannotReachTheCustomer_goesOutByEmailInstead() {
        // given
        harness.arrive(event("policy-shipment-attempted-delivery.json"));
        refusesOrderTexts("2026-11-24T10:00:00Z");
        int emailsBefore = harness.email.count();

        // when: the follow-up falls due with the status still "attempted delivery"
        harness.runUntil(Instant.parse("2026-11-24T19:00:00Z"));

        // then
        assertThat(followUp(Channel.SMS).status()).isEqualTo(MessageStatus.SKIPPED);
        assertThat(followUp(Channel.SMS).reason()).isEqualTo("no_sms_transactional_consent");
        LedgerEntry email = followUp(Channel.EMAIL);
        assertThat(email.status()).isEqualTo(MessageStatus.SENT);
        assertThat(email.subject()).isEqualTo(followUp(Channel.SMS).subject());
        assertThat(harness.email.count()).isEqualTo(emailsBefore + 1);
        assertThat(harness.email.last().messageId()).isEqualTo(email.messageId());
    }

    @Test
    void fallback_isPlannedOnce_evenWhenTheSmsIsDispatchedTwice() {
        // given: two deliveries of the same schedule read the same scheduled entry
        harness.arrive(event("policy-shipment-attempted-delivery.json"));
        refusesOrderTexts("2026-11-24T10:00:00Z");
        LedgerEntry sms = followUp(Channel.SMS);
        harness.clock.set(sms.dueAt());
        int emailsBefore = harness.email.count();

        // when
        MessageOutcome first = harness.dispatcher.dispatch(sms);
        MessageOutcome second = harness.dispatcher.dispatch(sms);
        MessageOutcome third = harness.dispatcher.dispatch(CUSTOMER, sms.messageId());

        // then
        assertThat(first).isEqualTo(new MessageOutcome.Skipped(SkipReason.NO_SMS_TRANSACTIONAL_CONSENT));
        assertThat(second).isEqualTo(new MessageOutcome.Unchanged(MessageStatus.SKIPPED));
        assertThat(third).isEqualTo(new MessageOutcome.Unchanged(MessageStatus.SKIPPED));
        assertThat(harness.entries(CUSTOMER, "shipping-updates", "attempted-follow-up")).hasSize(2);
        assertThat(harness.email.count()).isEqualTo(emailsBefore + 1);
    }

    @Test
    void smsHeldForQuietHours_doesNotFallBackToEmail() {
        // given: a delivery attempt at 22:00, so the follow-up fires at night
        harness.arrive(at(event("policy-shipment-attempted-delivery.json"), "2026-11-24T03:00:00Z"));
        int emailsBefore = harness.email.count();

        // when
        harness.runUntil(Instant.parse("2026-11-25T03:00:00Z"));

        // then
        assertThat(harness.entries(CUSTOMER, "shipping-updates", "attempted-follow-up"))
                .extracting(LedgerEntry::channel).containsExactly(Channel.SMS);
        assertThat(harness.email.count()).isEqualTo(emailsBefore);
    }

    @Test
    void followUp_isSkipped_whenTheShipmentMovedOn() {
        // given
        harness.arrive(event("policy-shipment-attempted-delivery.json"));
        harness.arrive(at(event("policy-shipment-delivered.json"), "2026-11-24T16:00:00Z"));

        // when
        harness.runUntil(Instant.parse("2026-11-24T19:00:00Z"));

        // then
        assertThat(followUp(Channel.SMS).status()).isEqualTo(MessageStatus.SKIPPED);
        assertThat(followUp(Channel.SMS).reason()).isEqualTo("shipment_status_changed");
        assertThat(harness.entries(CUSTOMER, "shipping-updates", "attempted-follow-up")).hasSize(1);
    }

    // --- marketing bookkeeping ---

    /** The tips email, due two days after a 22:30 delivery; the clock is set to its due time. */
    private LedgerEntry tipsDue() {
        harness.arrive(event("policy-shipment-delivered.json"));
        LedgerEntry tips = harness.entry(CUSTOMER, "product-tips", "tips", Channel.EMAIL);
        harness.clock.set(tips.dueAt());
        return tips;
    }

    @Test
    void marketingSend_isCountedInTheProfile() {
        // given
        LedgerEntry tips = tipsDue();
        long versionBefore = profile().version();

        // when
        MessageOutcome outcome = harness.dispatcher.dispatch(CUSTOMER, tips.messageId());

        // then
        assertThat(outcome).isInstanceOf(MessageOutcome.Sent.class);
        assertThat(profile().engagement().marketingSends())
                .containsExactly(new Engagement.MarketingSend(Channel.EMAIL, tips.dueAt()));
        assertThat(profile().version()).isEqualTo(versionBefore + 1);
    }

    @Test
    void transactionalSend_isNotCountedAsMarketing() {
        harness.arrive(event("policy-shipment-in-transit.json"));

        assertThat(harness.entry(CUSTOMER, "shipping-updates", "email", Channel.EMAIL).status()).isEqualTo(MessageStatus.SENT);
        assertThat(profile().engagement()).isEqualTo(Engagement.NONE);
    }

    @Test
    void consentWithdrawnConcurrently_isSeenBeforeTheSend_andTheMessageIsSkipped() {
        // given: between the decision and the count, another writer withdraws email marketing consent
        LedgerEntry tips = tipsDue();
        int emailsBefore = harness.email.count();
        concurrently(p -> withConsent(p, new Consent(false, false, null)));

        // when
        MessageOutcome outcome = harness.dispatcher.dispatch(CUSTOMER, tips.messageId());

        // then
        assertThat(outcome).isEqualTo(new MessageOutcome.Skipped(SkipReason.NO_EMAIL_MARKETING_CONSENT));
        assertThat(stored(tips).status()).isEqualTo(MessageStatus.SKIPPED);
        assertThat(stored(tips).reason()).isEqualTo("no_email_marketing_consent");
        assertThat(harness.email.count()).isEqualTo(emailsBefore);
        assertThat(profile().engagement().marketingSends()).isEmpty();
    }

    @Test
    void marketingSentConcurrently_putsThisOneInCooldown() {
        // given: another marketing email is counted between this one's decision and its count
        LedgerEntry tips = tipsDue();
        int emailsBefore = harness.email.count();
        concurrently(p -> p.withEngagement(p.engagement().withMarketingSend(Channel.EMAIL, tips.dueAt())));

        // when
        MessageOutcome outcome = harness.dispatcher.dispatch(CUSTOMER, tips.messageId());

        // then
        assertThat(outcome).isEqualTo(new MessageOutcome.Skipped(SkipReason.MARKETING_COOLDOWN));
        assertThat(stored(tips).reason()).isEqualTo("marketing_cooldown");
        assertThat(harness.email.count()).isEqualTo(emailsBefore);
        assertThat(profile().engagement().marketingSends()).hasSize(1);
    }

    @Test
    void unrelatedConcurrentProfileChange_isKept_andTheSendIsCountedOnce() {
        // given
        LedgerEntry tips = tipsDue();
        concurrently(p -> withConsent(p, new Consent(true, true, null)));

        // when
        MessageOutcome outcome = harness.dispatcher.dispatch(CUSTOMER, tips.messageId());

        // then
        assertThat(outcome).isInstanceOf(MessageOutcome.Sent.class);
        assertThat(profile().consent().smsMarketing()).isTrue();
        assertThat(profile().engagement().marketingSends()).hasSize(1);
    }

    // --- finished messages ---

    @Test
    void dispatchOfACancelledMessage_doesNothing() {
        // given
        LedgerEntry tips = tipsDue();
        harness.ledger.update(tips.cancelled("order_cancelled", tips.dueAt()), tips.version());
        int emailsBefore = harness.email.count();
        int schedulesBefore = harness.scheduler.scheduled().size();

        // when
        MessageOutcome outcome = harness.dispatcher.dispatch(CUSTOMER, tips.messageId());

        // then
        assertThat(outcome).isEqualTo(new MessageOutcome.Unchanged(MessageStatus.CANCELLED));
        assertThat(stored(tips).status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(harness.email.count()).isEqualTo(emailsBefore);
        assertThat(harness.scheduler.scheduled()).hasSize(schedulesBefore);
    }

    @Test
    void dispatchOfASentMessage_doesNothing() {
        // given
        LedgerEntry tips = tipsDue();
        harness.dispatcher.dispatch(CUSTOMER, tips.messageId());
        LedgerEntry sent = stored(tips);
        int emailsBefore = harness.email.count();

        // when
        MessageOutcome outcome = harness.dispatcher.dispatch(CUSTOMER, tips.messageId());

        // then
        assertThat(outcome).isEqualTo(new MessageOutcome.Unchanged(MessageStatus.SENT));
        assertThat(stored(tips)).isEqualTo(sent);
        assertThat(harness.email.count()).isEqualTo(emailsBefore);
        assertThat(profile().engagement().marketingSends()).hasSize(1);
    }
}
