package dev.aftercart.core.policy;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.ExitCondition;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.SkipReason;
import java.time.Instant;

/**
 * The send-time rules, as a pure function of the message, the customer's current state and the
 * clock. Transactional messages ignore marketing opt-outs but never a hard bounce or complaint;
 * marketing needs consent for its channel.
 */
public final class SendPolicy {

    public Decision decide(SendContext context, Instant now) {
        LedgerEntry message = context.message();
        CustomerProfile profile = context.profile();
        if (profile == null) {
            return new Decision.Skip(SkipReason.CUSTOMER_UNKNOWN);
        }
        for (ExitCondition exit : context.journey().exitWhen()) {
            if (exit == ExitCondition.ORDER_CANCELLED && context.order() != null && context.order().isCancelled()) {
                return new Decision.Skip(SkipReason.ORDER_CANCELLED);
            }
        }
        if (message.orderId() != null && (context.order() == null || !context.order().isKnown())) {
            return new Decision.Skip(SkipReason.ORDER_UNKNOWN);
        }
        if (context.step().expiresAfter() != null && now.isAfter(message.dueAt().plus(context.step().expiresAfter()))) {
            return new Decision.Skip(SkipReason.TOO_LATE);
        }
        return message.channel() == Channel.EMAIL ? email(message.kind(), profile) : sms(message.kind(), profile);
    }

    private static Decision email(MessageKind kind, CustomerProfile profile) {
        if (profile.email() == null) {
            return new Decision.Skip(SkipReason.NO_EMAIL_ADDRESS);
        }
        if (profile.suppression().emailHardBounced()) {
            return new Decision.Skip(SkipReason.EMAIL_HARD_BOUNCED);
        }
        if (profile.suppression().emailComplained()) {
            return new Decision.Skip(SkipReason.EMAIL_COMPLAINED);
        }
        if (kind == MessageKind.MARKETING && !profile.consent().emailMarketing()) {
            return new Decision.Skip(SkipReason.NO_EMAIL_MARKETING_CONSENT);
        }
        return new Decision.Send();
    }

    private static Decision sms(MessageKind kind, CustomerProfile profile) {
        if (profile.phone() == null) {
            return new Decision.Skip(SkipReason.NO_PHONE_NUMBER);
        }
        if (kind == MessageKind.TRANSACTIONAL && !profile.allowsTransactionalSms()) {
            return new Decision.Skip(SkipReason.NO_SMS_TRANSACTIONAL_CONSENT);
        }
        if (kind == MessageKind.MARKETING && !profile.consent().smsMarketing()) {
            return new Decision.Skip(SkipReason.NO_SMS_MARKETING_CONSENT);
        }
        return new Decision.Send();
    }
}
