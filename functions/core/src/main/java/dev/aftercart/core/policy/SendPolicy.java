package dev.aftercart.core.policy;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.ShipmentRecord;
import dev.aftercart.core.customer.Subscription;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.ExitCondition;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The send-time rules, as a pure function of the message, the customer's current state and the
 * clock. Exit conditions first, then reachability (address, bounce, complaint, consent), then
 * timing (an SMS outside its window is held, never dropped), then the marketing limits.
 * Transactional messages ignore marketing opt-outs, cooldowns and caps, but never a hard bounce or
 * complaint.
 */
public final class SendPolicy {

    public static final String QUIET_HOURS = "sms_quiet_hours";
    public static final String REPUTATION_PAUSED = "marketing_email_paused";

    private final SendRules rules;
    private final ZoneId storeZone;

    public SendPolicy(SendRules rules, ZoneId storeZone) {
        this.rules = rules;
        this.storeZone = storeZone;
    }

    public Decision decide(SendContext context, Instant now) {
        LedgerEntry message = context.message();
        CustomerProfile profile = context.profile();
        if (profile == null) {
            return new Decision.Skip(SkipReason.CUSTOMER_UNKNOWN);
        }
        SkipReason exit = exitReason(context);
        if (exit != null) {
            return new Decision.Skip(exit);
        }
        if (message.orderId() != null && (context.order() == null || !context.order().isKnown())) {
            return new Decision.Skip(SkipReason.ORDER_UNKNOWN);
        }
        if (context.step().expiresAfter() != null && now.isAfter(message.dueAt().plus(context.step().expiresAfter()))) {
            return new Decision.Skip(SkipReason.TOO_LATE);
        }
        if (message.channel() == Channel.EVENT) {
            // An event goes to the store's own systems: no address, consent, quiet hours or caps apply.
            return new Decision.Send();
        }
        SkipReason unreachable = message.channel() == Channel.EMAIL
                ? emailUnreachable(message.kind(), profile)
                : smsUnreachable(message.kind(), profile, context.smsOptedOut());
        if (unreachable != null) {
            return new Decision.Skip(unreachable);
        }
        if (!profile.consent().allowsTopic(context.journey().topic())) {
            return new Decision.Skip(SkipReason.TOPIC_OPTED_OUT);
        }
        if (message.kind() == MessageKind.MARKETING && !context.subjectProducts().isEmpty()
                && products(context, now).isEmpty()) {
            return new Decision.Skip(noProductsLeft(context, now));
        }
        if (message.channel() == Channel.SMS) {
            Instant opens = smsWindowOpens(context, now);
            if (opens != null) {
                return new Decision.Hold(opens, QUIET_HOURS);
            }
        }
        if (message.kind() == MessageKind.MARKETING && message.channel() == Channel.EMAIL
                && context.marketingEmailPaused()) {
            // Held, not dropped: when the operator resumes, what is still timely goes out.
            return new Decision.Hold(now.plus(rules.reputation().recheckAfter()), REPUTATION_PAUSED);
        }
        if (message.kind() == MessageKind.MARKETING) {
            SkipReason limited = marketingLimit(message.channel(), profile.engagement(), now);
            if (limited != null) {
                return new Decision.Skip(limited);
            }
        }
        return new Decision.Send();
    }

    /**
     * The products a message may still be about: its subject's, less those the customer has
     * reviewed, returned or rated poorly (when the journey exits on that) and, for marketing, those
     * the customer rated poorly within the suppression period.
     */
    public List<String> products(SendContext context, Instant now) {
        List<ExitCondition> exits = context.journey().exitsOf(context.step());
        return context.subjectProducts().stream()
                .filter(p -> !(exits.contains(ExitCondition.PRODUCT_REVIEWED) && reviewed(context, p)))
                .filter(p -> !(exits.contains(ExitCondition.ITEM_RETURNED) && returned(context, p)))
                .filter(p -> !(exits.contains(ExitCondition.PRODUCT_RATED_POORLY) && ratedPoorlyEver(context, p)))
                .filter(p -> context.message().kind() != MessageKind.MARKETING || !ratedPoorly(context, p, now))
                .toList();
    }

    /** The local time the SMS window opens next, or {@code null} when it is open now. */
    Instant smsWindowOpens(SendContext context, Instant now) {
        CustomerProfile profile = context.profile();
        ZoneId zone = CustomerZone.of(profile, storeZone);
        LocalTime start = context.step().smsWindowStart() != null ? context.step().smsWindowStart() : rules.smsWindowStart();
        LocalTime end = rules.smsWindowEnd(profile.region());
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(start) && time.isBefore(end)) {
            return null;
        }
        ZonedDateTime opens = ZonedDateTime.of(time.isBefore(start) ? local.toLocalDate() : local.toLocalDate().plusDays(1),
                start, zone);
        return opens.toInstant();
    }

    /** The first of the message's exit conditions the customer's current state meets, or {@code null}. */
    public SkipReason exitReason(SendContext context) {
        OrderRecord order = context.order();
        CustomerProfile profile = context.profile();
        Map<String, String> subject = context.message().subject();
        for (ExitCondition exit : context.journey().exitsOf(context.step())) {
            switch (exit) {
                case ORDER_CANCELLED -> {
                    if (order != null && order.isCancelled()) {
                        return SkipReason.ORDER_CANCELLED;
                    }
                }
                case SHIPMENT_STATUS_CHANGED -> {
                    String shipmentId = context.message().subject().get("shipmentId");
                    String status = context.message().subject().get("status");
                    ShipmentRecord shipment = order == null || shipmentId == null ? null : order.shipments().get(shipmentId);
                    if (shipment != null && status != null && !shipment.status().id().equals(status)) {
                        return SkipReason.SHIPMENT_STATUS_CHANGED;
                    }
                }
                case PRODUCT_REVIEWED -> {
                    if (!context.subjectProducts().isEmpty()
                            && context.subjectProducts().stream().allMatch(p -> reviewed(context, p))) {
                        return SkipReason.PRODUCT_REVIEWED;
                    }
                }
                case ITEM_RETURNED -> {
                    if (!context.subjectProducts().isEmpty()
                            && context.subjectProducts().stream().allMatch(p -> returned(context, p))) {
                        return SkipReason.ITEM_RETURNED;
                    }
                }
                case PRODUCT_REORDERED -> {
                    if (order != null && !context.subjectProducts().isEmpty()
                            && context.subjectProducts().stream().allMatch(p -> reordered(context, p))) {
                        return SkipReason.PRODUCT_REORDERED;
                    }
                }
                case PRODUCT_RATED_POORLY -> {
                    if (profile != null && !context.subjectProducts().isEmpty()
                            && context.subjectProducts().stream().allMatch(p -> ratedPoorlyEver(context, p))) {
                        return SkipReason.NEGATIVE_REVIEW;
                    }
                }
                case LOYALTY_MEMBER -> {
                    if (profile != null && profile.loyalty().member()) {
                        return SkipReason.LOYALTY_MEMBER;
                    }
                }
                case POINTS_SPENT -> {
                    String expiresAt = subject.get("expiresAt");
                    if (profile != null && expiresAt != null
                            && profile.loyalty().expiringAt(Instant.parse(expiresAt)) == 0) {
                        return SkipReason.POINTS_SPENT;
                    }
                }
                case SUBSCRIPTION_CHANGED -> {
                    Subscription subscription = profile == null ? null
                            : profile.subscriptions().get(subject.get("subscriptionId"));
                    String chargeAt = subject.get("nextChargeAt");
                    if (subscription == null || chargeAt == null || !subscription.chargesAt(Instant.parse(chargeAt))) {
                        return SkipReason.SUBSCRIPTION_CHANGED;
                    }
                }
            }
        }
        return null;
    }

    /** Whether a later order of the customer, not cancelled, has the product again. */
    private static boolean reordered(SendContext context, String productId) {
        Instant placed = context.order().placedAt();
        return context.orders().stream()
                .filter(o -> o.isKnown() && !o.isCancelled() && !o.orderId().equals(context.order().orderId()))
                .filter(o -> placed == null || o.placedAt() == null || o.placedAt().isAfter(placed))
                .anyMatch(o -> o.items().stream().anyMatch(line -> line.productId().equals(productId)));
    }

    private SkipReason noProductsLeft(SendContext context, Instant now) {
        boolean allPoorlyRated = context.subjectProducts().stream().allMatch(p -> ratedPoorly(context, p, now));
        return allPoorlyRated ? SkipReason.NEGATIVE_REVIEW : SkipReason.PRODUCTS_EXCLUDED;
    }

    /** Whether a review ends the ask for this product: any review, however it rated it. */
    private static boolean reviewed(SendContext context, String productId) {
        return context.profile().engagement().reviews().containsKey(productId);
    }

    private static boolean returned(SendContext context, String productId) {
        return context.order() != null && context.order().returnedProducts().contains(productId);
    }

    /** Whether the customer's review of the product rates it poorly, however old: for journeys that exit on it. */
    private boolean ratedPoorlyEver(SendContext context, String productId) {
        Engagement.ProductReview review = context.profile().engagement().reviews().get(productId);
        return review != null && review.rating() <= rules.negativeRatingAtMost();
    }

    private boolean ratedPoorly(SendContext context, String productId, Instant now) {
        Engagement.ProductReview review = context.profile().engagement().reviews().get(productId);
        return review != null && review.rating() <= rules.negativeRatingAtMost()
                && now.isBefore(review.at().plus(rules.negativeReviewSuppression()));
    }

    private SkipReason marketingLimit(Channel channel, Engagement engagement, Instant now) {
        Integer cap = rules.marketingCap().get(channel);
        if (cap != null && engagement.marketingSince(channel, now.minus(rules.marketingCapWindow())) >= cap) {
            return SkipReason.MARKETING_CAP;
        }
        Duration cooldown = rules.marketingCooldown().get(channel);
        Instant last = engagement.lastMarketing(channel);
        if (cooldown != null && last != null && now.isBefore(last.plus(cooldown))) {
            return SkipReason.MARKETING_COOLDOWN;
        }
        return null;
    }

    private SkipReason emailUnreachable(MessageKind kind, CustomerProfile profile) {
        if (profile.email() == null) {
            return SkipReason.NO_EMAIL_ADDRESS;
        }
        if (profile.suppression().emailHardBounced()) {
            return SkipReason.EMAIL_HARD_BOUNCED;
        }
        if (profile.suppression().emailComplained()) {
            return SkipReason.EMAIL_COMPLAINED;
        }
        if (profile.suppression().softBouncesInARow() >= rules.softBounceLimit()) {
            return SkipReason.EMAIL_SOFT_BOUNCED;
        }
        if (kind == MessageKind.MARKETING && !profile.consent().emailMarketing()) {
            return SkipReason.NO_EMAIL_MARKETING_CONSENT;
        }
        return null;
    }

    private static SkipReason smsUnreachable(MessageKind kind, CustomerProfile profile, boolean optedOut) {
        if (profile.phone() == null) {
            return SkipReason.NO_PHONE_NUMBER;
        }
        if (optedOut) {
            // The carrier-level STOP: no text of any kind may go to this number.
            return SkipReason.SMS_OPTED_OUT;
        }
        if (kind == MessageKind.TRANSACTIONAL && !profile.allowsTransactionalSms()) {
            return SkipReason.NO_SMS_TRANSACTIONAL_CONSENT;
        }
        if (kind == MessageKind.MARKETING && !profile.consent().smsMarketing()) {
            return SkipReason.NO_SMS_MARKETING_CONSENT;
        }
        return null;
    }

    /** Whether a skip means the channel cannot reach the customer, so a fallback channel may. */
    public static boolean isUnreachable(SkipReason reason) {
        return switch (reason) {
            case NO_PHONE_NUMBER, NO_SMS_TRANSACTIONAL_CONSENT, NO_SMS_MARKETING_CONSENT, SMS_OPTED_OUT, NO_EMAIL_ADDRESS,
                    EMAIL_HARD_BOUNCED, EMAIL_COMPLAINED, EMAIL_SOFT_BOUNCED, NO_EMAIL_MARKETING_CONSENT -> true;
            default -> false;
        };
    }
}
