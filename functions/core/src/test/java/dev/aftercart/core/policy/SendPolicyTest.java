package dev.aftercart.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.OrderStatus;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.ExitCondition;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.SkipReason;
import dev.aftercart.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendPolicyTest {

    private static final Instant DUE = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOW = DUE.plusSeconds(5);

    private final SendPolicy policy = new SendPolicy(SendRules.DEFAULTS, java.time.ZoneOffset.UTC);
    private final OrderRecord order = Fixtures.order("c-1", "o-1", Fixtures.item("p-1", "Shoe", 1, "79.00", "USD"));

    private static LedgerEntry message(Channel channel, MessageKind kind, String orderId) {
        Map<String, String> subject = orderId == null ? Map.of() : Map.of("orderId", orderId);
        return LedgerEntry.planned("c-1", "m-1", "j", "s", channel, kind, subject, DUE, DUE);
    }

    private static SendContext context(Channel channel, MessageKind kind, CustomerProfile profile, OrderRecord order) {
        JourneyStep step = new JourneyStep("s", Duration.ZERO, List.of(channel), "t", Duration.ofHours(24));
        Journey journey = new Journey("j", "Order Placed", kind, List.of(step), List.of(ExitCondition.ORDER_CANCELLED));
        return new SendContext(message(channel, kind, order == null ? null : order.orderId()), journey, step, profile, order);
    }

    private Decision decide(Channel channel, MessageKind kind, CustomerProfile profile) {
        return policy.decide(context(channel, kind, profile, order), NOW);
    }

    private static Decision skip(SkipReason reason) {
        return new Decision.Skip(reason);
    }

    private static final Decision SEND = new Decision.Send();

    @Test
    void transactional_isSent_toAnOrdinaryCustomer() {
        CustomerProfile profile = Fixtures.profile("c-1").build();

        assertThat(decide(Channel.EMAIL, MessageKind.TRANSACTIONAL, profile)).isEqualTo(SEND);
        assertThat(decide(Channel.SMS, MessageKind.TRANSACTIONAL, profile)).isEqualTo(SEND);
    }

    @Test
    void anyMessage_isSkipped_whenTheCustomerIsUnknown() {
        assertThat(decide(Channel.EMAIL, MessageKind.TRANSACTIONAL, null)).isEqualTo(skip(SkipReason.CUSTOMER_UNKNOWN));
    }

    @Test
    void message_isSkipped_whenItsOrderWasCancelled() {
        OrderRecord cancelled = order.cancelled("customer_request", DUE);
        SendContext context = context(Channel.EMAIL, MessageKind.TRANSACTIONAL, Fixtures.profile("c-1").build(), cancelled);

        assertThat(policy.decide(context, NOW)).isEqualTo(skip(SkipReason.ORDER_CANCELLED));
    }

    @Test
    void message_isSkipped_whenItsOrderIsNotStored() {
        // given: a message about o-1, whose order record cannot be found
        SendContext about = context(Channel.EMAIL, MessageKind.TRANSACTIONAL, Fixtures.profile("c-1").build(), order);
        SendContext context = new SendContext(about.message(), about.journey(), about.step(), about.profile(), null);

        assertThat(policy.decide(context, NOW)).isEqualTo(skip(SkipReason.ORDER_UNKNOWN));
    }

    @Test
    void message_isSkipped_whenItsOrderIsOnlyAStub() {
        // given: a stub that is not cancelled (a defensive case: items and total unknown)
        OrderRecord stub = new OrderRecord("c-1", "o-1", null, null, null, null, null, null, null, null,
                OrderStatus.PLACED, null, null, null, DUE, 1);
        SendContext context = context(Channel.EMAIL, MessageKind.TRANSACTIONAL, Fixtures.profile("c-1").build(), stub);

        assertThat(policy.decide(context, NOW)).isEqualTo(skip(SkipReason.ORDER_UNKNOWN));
    }

    @Test
    void message_isSkippedAsTooLate_onlyAfterExpiresAfterHasPassed() {
        SendContext context = context(Channel.EMAIL, MessageKind.TRANSACTIONAL, Fixtures.profile("c-1").build(), order);

        assertThat(policy.decide(context, DUE.plus(Duration.ofHours(24)))).isEqualTo(SEND);
        assertThat(policy.decide(context, DUE.plus(Duration.ofHours(24)).plusSeconds(1))).isEqualTo(skip(SkipReason.TOO_LATE));
    }

    @Test
    void email_isSkipped_withoutAnAddress() {
        CustomerProfile profile = Fixtures.profile("c-1").email(null).build();

        assertThat(decide(Channel.EMAIL, MessageKind.TRANSACTIONAL, profile)).isEqualTo(skip(SkipReason.NO_EMAIL_ADDRESS));
    }

    @Test
    void sms_isSkipped_withoutAPhone() {
        CustomerProfile profile = Fixtures.profile("c-1").phone(null).build();

        assertThat(decide(Channel.SMS, MessageKind.TRANSACTIONAL, profile)).isEqualTo(skip(SkipReason.NO_PHONE_NUMBER));
    }

    @Test
    void transactionalEmail_ignoresMissingMarketingConsent() {
        CustomerProfile profile = Fixtures.profile("c-1").consent(false, false, null).build();

        assertThat(decide(Channel.EMAIL, MessageKind.TRANSACTIONAL, profile)).isEqualTo(SEND);
    }

    @Test
    void transactionalEmail_isSkipped_toAHardBouncedAddress() {
        CustomerProfile profile = Fixtures.profile("c-1").consent(true, true, true).suppression(true, false).build();

        assertThat(decide(Channel.EMAIL, MessageKind.TRANSACTIONAL, profile)).isEqualTo(skip(SkipReason.EMAIL_HARD_BOUNCED));
    }

    @Test
    void transactionalEmail_isSkipped_toAnAddressThatComplained() {
        CustomerProfile profile = Fixtures.profile("c-1").consent(true, true, true).suppression(false, true).build();

        assertThat(decide(Channel.EMAIL, MessageKind.TRANSACTIONAL, profile)).isEqualTo(skip(SkipReason.EMAIL_COMPLAINED));
    }

    @Test
    void transactionalSms_isSkipped_whenTheCustomerSaidNoToOrderTexts() {
        CustomerProfile profile = Fixtures.profile("c-1").consent(true, true, false).build();

        assertThat(decide(Channel.SMS, MessageKind.TRANSACTIONAL, profile)).isEqualTo(skip(SkipReason.NO_SMS_TRANSACTIONAL_CONSENT));
    }

    @Test
    void transactionalSmsConsent_defaultsToTrue_onlyWhenAPhoneExists() {
        CustomerProfile withPhone = Fixtures.profile("c-1").consent(false, false, null).build();
        CustomerProfile withoutPhone = Fixtures.profile("c-1").phone(null).consent(false, false, null).build();

        assertThat(withPhone.allowsTransactionalSms()).isTrue();
        assertThat(withoutPhone.allowsTransactionalSms()).isFalse();
    }

    @Test
    void marketingEmail_needsEmailMarketingConsent() {
        CustomerProfile smsOnly = Fixtures.profile("c-1").consent(false, true, true).build();
        CustomerProfile emailOk = Fixtures.profile("c-1").consent(true, false, true).build();

        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, smsOnly)).isEqualTo(skip(SkipReason.NO_EMAIL_MARKETING_CONSENT));
        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, emailOk)).isEqualTo(SEND);
    }

    @Test
    void marketingSms_needsSmsMarketingConsent() {
        CustomerProfile emailOnly = Fixtures.profile("c-1").consent(true, false, true).build();
        CustomerProfile smsOk = Fixtures.profile("c-1").consent(false, true, true).build();

        assertThat(decide(Channel.SMS, MessageKind.MARKETING, emailOnly)).isEqualTo(skip(SkipReason.NO_SMS_MARKETING_CONSENT));
        assertThat(decide(Channel.SMS, MessageKind.MARKETING, smsOk)).isEqualTo(SEND);
    }

    @Test
    void marketingEmail_isSkipped_toAHardBouncedAddress_evenWithConsent() {
        CustomerProfile profile = Fixtures.profile("c-1").consent(true, true, true).suppression(true, false).build();

        assertThat(decide(Channel.EMAIL, MessageKind.MARKETING, profile)).isEqualTo(skip(SkipReason.EMAIL_HARD_BOUNCED));
    }
}
