package dev.aftercart.core.feedback;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Suppression;
import dev.aftercart.core.engine.ConcurrentUpdateException;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.policy.SendRules;
import dev.aftercart.core.port.CustomerStore;
import dev.aftercart.core.port.MessageLedger;
import dev.aftercart.core.port.SendingReputation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns the email provider's feedback into state: a permanent bounce suppresses the address for
 * all email; a complaint suppresses it too and is recorded; transient bounces are counted and
 * suppress after too many in a row, a delivery resets the count. Sends, bounces and complaints
 * feed the reputation guard, which pauses marketing email before the provider's own thresholds.
 */
public final class FeedbackRecorder {

    private static final int ATTEMPTS = 5;

    private final CustomerStore customers;
    private final MessageLedger ledger;
    private final SendingReputation reputation;
    private final SendRules.Reputation thresholds;
    private final boolean trackEngagement;
    private final Clock clock;

    /**
     * @param trackEngagement whether deliveries, opens and clicks are written to the ledger; bounces
     *     and complaints always are
     */
    public FeedbackRecorder(CustomerStore customers, MessageLedger ledger, SendingReputation reputation,
            SendRules.Reputation thresholds, boolean trackEngagement, Clock clock) {
        this.customers = customers;
        this.ledger = ledger;
        this.reputation = reputation;
        this.thresholds = thresholds;
        this.trackEngagement = trackEngagement;
        this.clock = clock;
    }

    public void record(EmailFeedback feedback) {
        switch (feedback.type()) {
            case SENT -> guard(reputation.record(SendingReputation.Outcome.SENT));
            case DELIVERED -> {
                address(feedback, s -> s.softBouncesInARow() == 0 ? s
                        : new Suppression(s.emailHardBounced(), s.emailComplained(), 0));
                note(feedback, trackEngagement);
            }
            case BOUNCED_PERMANENTLY -> {
                address(feedback, s -> new Suppression(true, s.emailComplained(), s.softBouncesInARow()));
                note(feedback, true);
                guard(reputation.record(SendingReputation.Outcome.BOUNCED));
            }
            case BOUNCED_TRANSIENTLY -> {
                address(feedback, s -> new Suppression(s.emailHardBounced(), s.emailComplained(),
                        s.softBouncesInARow() + 1));
                note(feedback, true);
            }
            case COMPLAINED -> {
                address(feedback, s -> new Suppression(s.emailHardBounced(), true, s.softBouncesInARow()));
                note(feedback, true);
                guard(reputation.record(SendingReputation.Outcome.COMPLAINED));
            }
            case OPENED, CLICKED -> note(feedback, trackEngagement);
        }
        Log.info("email_feedback", "customerId", feedback.customerId(), "messageId", feedback.messageId(),
                "type", feedback.type().id());
    }

    /** Changes the suppression of the profile's address, if the feedback is about that address still. */
    private void address(EmailFeedback feedback, UnaryOperator<Suppression> change) {
        if (feedback.customerId() == null) {
            // No customer tag: not sent by this stack, or an id too long for SES to tag (over 189 bytes).
            // SES's account-level suppression list still holds the address; an operator can suppress it here.
            if (feedback.type() != EmailFeedback.Type.DELIVERED) {
                Log.warn("feedback_without_customer", "type", feedback.type().id(), "messageId", feedback.messageId());
                Log.metric("FeedbackWithoutCustomer", 1, "Count", Map.of(), clock.instant());
            }
            return;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<CustomerProfile> found = customers.profile(feedback.customerId());
            if (found.isEmpty() || found.get().email() == null || feedback.recipient() == null
                    || !found.get().email().equalsIgnoreCase(feedback.recipient())) {
                // A new address since the message went: its feedback says nothing about the new one.
                return;
            }
            CustomerProfile profile = found.get();
            Suppression next = change.apply(profile.suppression());
            if (next.equals(profile.suppression())) {
                return;
            }
            if (customers.saveProfile(profile.withSuppression(next).withVersion(profile.version() + 1),
                    profile.version())) {
                return;
            }
        }
        throw new ConcurrentUpdateException("customer profile");
    }

    /**
     * Notes the feedback on the message's ledger entry. Events arrive in any order, so a bounce or
     * complaint is never replaced by a delivery, open or click that SES published before it.
     */
    private void note(EmailFeedback feedback, boolean write) {
        if (!write || feedback.customerId() == null || feedback.messageId() == null) {
            return;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<LedgerEntry> found = ledger.find(feedback.customerId(), feedback.messageId());
            if (found.isEmpty() || weight(found.get().feedback()) > weight(feedback.type().id())) {
                return;
            }
            LedgerEntry entry = found.get();
            if (ledger.update(entry.withFeedback(feedback.type().id(), clock.instant()), entry.version())) {
                return;
            }
        }
        throw new ConcurrentUpdateException("ledger entry");
    }

    /**
     * How much a note says about the address: a complaint or permanent bounce outweighs the rest;
     * among the rest (a transient bounce SES retried, a delivery, an open) the latest stands.
     */
    private static int weight(String type) {
        if (type == null) {
            return 0;
        }
        return switch (type) {
            case "complained" -> 2;
            case "bounced_permanently" -> 1;
            default -> 0;
        };
    }

    /**
     * Pauses marketing email when the window's bounce or complaint rate passes its threshold. A
     * rate is judged only over enough sends to tell it apart: bounces from {@code minimumSends};
     * complaints once one complaint alone is not already above the threshold (1,250 sends at
     * 0.08%), or a single complaint in a small window would pause every time.
     */
    private void guard(SendingReputation.Window window) {
        if (window.sends() < thresholds.minimumSends() || reputation.marketingEmailPause() != null) {
            return;
        }
        double bounceRate = (double) window.bounces() / window.sends();
        double complaintRate = (double) window.complaints() / window.sends();
        boolean complaintsJudged = window.sends() * thresholds.complaintRateAbove() >= 1 - 1e-9;
        String reason = bounceRate > thresholds.bounceRateAbove() ? "bounce_rate"
                : complaintsJudged && complaintRate > thresholds.complaintRateAbove() ? "complaint_rate" : null;
        if (reason == null) {
            return;
        }
        reputation.pauseMarketingEmail(reason, clock.instant());
        Log.error("marketing_email_paused", "reason", reason, "sends", window.sends(), "bounces", window.bounces(),
                "complaints", window.complaints());
        Log.metric("MarketingEmailPaused", 1, "Count", Map.of("Reason", reason), clock.instant());
    }

    /** The pause in force, or {@code null}: for the operator's status check. */
    public SendingReputation.Pause marketingEmailPause() {
        return reputation.marketingEmailPause();
    }

    /** The operator's action: marketing email goes out again. */
    public void resumeMarketingEmail() {
        reputation.resumeMarketingEmail(clock.instant());
        Log.info("marketing_email_resumed");
        // The pause is reported once, and its alarms ignore the silence after it; this 0 clears them.
        for (String reason : List.of("bounce_rate", "complaint_rate")) {
            Log.metric("MarketingEmailPaused", 0, "Count", Map.of("Reason", reason), clock.instant());
        }
    }
}
