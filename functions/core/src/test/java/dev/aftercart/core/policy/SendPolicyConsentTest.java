package dev.aftercart.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.Consent;
import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Suppression;
import dev.aftercart.core.engine.Policies;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.Condition;
import dev.aftercart.core.journey.ExitCondition;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.SkipReason;
import dev.aftercart.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The send-time checks of issue 5: soft bounces in a row, the SMS provider's opt-out list, topics
 * the customer turned off, and the reputation guard's pause of marketing email. At 10:00 in
 * London, the customer's zone, the SMS window is open.
 */
class SendPolicyConsentTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:05Z");

    private final SendPolicy policy = new SendPolicy(SendRules.DEFAULTS, ZoneOffset.UTC);
    private final OrderRecord order = Fixtures.order("c-1", "o-1", Fixtures.item("p-1", "Shoe", 1, "79.00", "USD"));
    private final CustomerProfile subscribed = Fixtures.profile("c-1").consent(true, true, true).build();

    private SendContext context(Channel channel, MessageKind kind, String topic, CustomerProfile profile,
            boolean smsOptedOut, boolean paused) {
        JourneyStep step = new JourneyStep("s", Duration.ZERO, List.of(channel), "t", Duration.ofHours(24));
        Journey journey = new Journey("j", "Order Placed", kind, Condition.ALWAYS, 0, false, null, topic, List.of(step),
                List.of(ExitCondition.ORDER_CANCELLED));
        LedgerEntry message = LedgerEntry.planned("c-1", "m-1", "j", "s", channel, kind, Map.of("orderId", "o-1"),
                NOW, NOW);
        return new SendContext(message, journey, step, profile, order, List.of(), smsOptedOut, paused);
    }

    private Decision decide(Channel channel, MessageKind kind, CustomerProfile profile) {
        return policy.decide(context(channel, kind, null, profile, false, false), NOW);
    }

    private static CustomerProfile softBounced(CustomerProfile profile, int inARow) {
        return profile.withSuppression(new Suppression(false, false, inARow));
    }

    private static CustomerProfile withTopicsOff(CustomerProfile profile, String... topics) {
        Consent c = profile.consent();
        return profile.withConsent(new Consent(c.emailMarketing(), c.smsMarketing(), c.smsTransactional(), Set.of(topics),
                c.withdrawnByCustomer()), profile.updatedAt());
    }

    // --- soft bounces ---

    @Test
    void sixSoftBouncesInARow_stillSend() {
        assertThat(decide(Channel.EMAIL, MessageKind.TRANSACTIONAL, softBounced(subscribed, 6)))
                .isEqualTo(new Decision.Send());
    }

    @Test
    void sevenSoftBouncesInARow_skipEveryEmail_asSoftBounced() {
        CustomerProfile profile = softBounced(subscribed, 7);

        assertThat(decide(Channel.EMAIL, MessageKind.TRANSACTIONAL, profile))
                .isEqualTo(new Decision.Skip(SkipReason.EMAIL_SOFT_BOUNCED));
        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, profile))
                .isEqualTo(new Decision.Skip(SkipReason.EMAIL_SOFT_BOUNCED));
    }

    @Test
    void softBounces_leaveSmsAlone() {
        assertThat(decide(Channel.SMS, MessageKind.TRANSACTIONAL, softBounced(subscribed, 20))).isEqualTo(new Decision.Send());
    }

    @Test
    void softBounceLimit_isTheStoreOwnersToTune() {
        Policies tuned = Policies.parse("{\"email\": {\"softBouncesInARow\": 3}}");
        SendPolicy strict = new SendPolicy(tuned.sendRules(), ZoneOffset.UTC);

        assertThat(tuned.sendRules().softBounceLimit()).isEqualTo(3);
        assertThat(strict.decide(context(Channel.EMAIL, MessageKind.TRANSACTIONAL, null, softBounced(subscribed, 3), false,
                false), NOW)).isEqualTo(new Decision.Skip(SkipReason.EMAIL_SOFT_BOUNCED));
        assertThat(Policies.fromClasspath().sendRules().softBounceLimit()).isEqualTo(7);
    }

    // --- the SMS provider's opt-out list ---

    @Test
    void numberOnTheOptOutList_getsNoTextOfAnyKind() {
        assertThat(policy.decide(context(Channel.SMS, MessageKind.TRANSACTIONAL, null, subscribed, true, false), NOW))
                .isEqualTo(new Decision.Skip(SkipReason.SMS_OPTED_OUT));
        assertThat(policy.decide(context(Channel.SMS, MessageKind.MARKETING, null, subscribed, true, false), NOW))
                .isEqualTo(new Decision.Skip(SkipReason.SMS_OPTED_OUT));
    }

    @Test
    void optOutList_leavesEmailAlone() {
        assertThat(policy.decide(context(Channel.EMAIL, MessageKind.TRANSACTIONAL, null, subscribed, true, false), NOW))
                .isEqualTo(new Decision.Send());
    }

    @Test
    void optedOut_isUnreachable_soAFallbackChannelMayTry_butATopicTurnedOffIsNot() {
        assertThat(SendPolicy.isUnreachable(SkipReason.SMS_OPTED_OUT)).isTrue();
        assertThat(SendPolicy.isUnreachable(SkipReason.EMAIL_SOFT_BOUNCED)).isTrue();
        assertThat(SendPolicy.isUnreachable(SkipReason.TOPIC_OPTED_OUT)).isFalse();
    }

    // --- topics ---

    @Test
    void journeyOfATopicTheCustomerTurnedOff_isSkipped_onEveryChannel_marketingOrNot() {
        CustomerProfile profile = withTopicsOff(subscribed, "review_requests");

        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
            for (MessageKind kind : MessageKind.values()) {
                assertThat(policy.decide(context(channel, kind, "review_requests", profile, false, false), NOW))
                        .as("%s %s", channel, kind)
                        .isEqualTo(new Decision.Skip(SkipReason.TOPIC_OPTED_OUT));
            }
        }
    }

    @Test
    void journeyOfAnotherTopic_orOfNone_isSent() {
        CustomerProfile profile = withTopicsOff(subscribed, "review_requests");

        assertThat(policy.decide(context(Channel.EMAIL, MessageKind.MARKETING, "loyalty_reminders", profile, false, false),
                NOW)).isEqualTo(new Decision.Send());
        assertThat(policy.decide(context(Channel.EMAIL, MessageKind.TRANSACTIONAL, null, profile, false, false), NOW))
                .isEqualTo(new Decision.Send());
    }

    @Test
    void missingMarketingConsent_isTheReason_beforeATopicTurnedOff() {
        CustomerProfile profile = withTopicsOff(Fixtures.profile("c-1").consent(false, false, true).build(),
                "review_requests");

        assertThat(policy.decide(context(Channel.EMAIL, MessageKind.MARKETING, "review_requests", profile, false, false),
                NOW)).isEqualTo(new Decision.Skip(SkipReason.NO_EMAIL_MARKETING_CONSENT));
    }

    // --- the reputation guard's pause ---

    @Test
    void marketingEmail_isHeldWhilePaused_andLooksAgainAfterTheRecheckPeriod() {
        assertThat(policy.decide(context(Channel.EMAIL, MessageKind.MARKETING, null, subscribed, false, true), NOW))
                .isEqualTo(new Decision.Hold(NOW.plus(Duration.ofHours(6)), "marketing_email_paused"));
    }

    @Test
    void transactionalEmail_andMarketingSms_goWhilePaused() {
        assertThat(policy.decide(context(Channel.EMAIL, MessageKind.TRANSACTIONAL, null, subscribed, false, true), NOW))
                .isEqualTo(new Decision.Send());
        assertThat(policy.decide(context(Channel.SMS, MessageKind.MARKETING, null, subscribed, false, true), NOW))
                .isEqualTo(new Decision.Send());
    }

    @Test
    void pausedMarketingEmail_toACustomerWhoWithdrew_isSkipped_notHeld() {
        CustomerProfile withdrawn = subscribed.withConsent(subscribed.consent().withEmailMarketing(false), NOW);

        assertThat(policy.decide(context(Channel.EMAIL, MessageKind.MARKETING, null, withdrawn, false, true), NOW))
                .isEqualTo(new Decision.Skip(SkipReason.NO_EMAIL_MARKETING_CONSENT));
    }
}
