package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Engagement;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.ExitCondition;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.journey.MessageKind;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.ledger.SkipReason;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.policy.Decision;
import dev.aftercart.core.policy.SendContext;
import dev.aftercart.core.policy.SendPolicy;
import dev.aftercart.core.port.CustomerStore;
import dev.aftercart.core.port.Delivery;
import dev.aftercart.core.port.EmailSender;
import dev.aftercart.core.port.EventPublisher;
import dev.aftercart.core.port.MessageLedger;
import dev.aftercart.core.port.MessageScheduler;
import dev.aftercart.core.port.SendingReputation;
import dev.aftercart.core.port.SmsOptOutList;
import dev.aftercart.core.port.SmsSender;
import dev.aftercart.core.render.RenderException;
import dev.aftercart.core.render.SmsMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one message from the ledger, re-checking everything against the customer's state as it is
 * now: exit conditions, consent, suppression, quiet hours and the marketing limits. Every outcome is
 * written to the ledger.
 *
 * <p>A message is claimed ({@code SENDING}) with a conditional write before it is sent, so two
 * concurrent dispatches of the same message send it once. A dispatch that dies between the send
 * and the ledger update leaves it {@code SENDING}: it is not sent again (at most once). A marketing
 * message is also counted in the customer's profile, with a conditional write, before it goes: two
 * marketing messages racing for the last place under a cap cannot both take it.
 */
public final class Dispatcher {

    private static final int ATTEMPTS = 5;
    private static final java.time.Duration CONTENTION_RETRY = java.time.Duration.ofMinutes(1);

    private final JourneyCatalog journeys;
    private final CustomerStore customers;
    private final MessageLedger ledger;
    private final MessageScheduler scheduler;
    private final EmailSender email;
    private final SmsSender sms;
    private final EventPublisher events;
    private final SmsOptOutList smsOptOuts;
    private final SendingReputation reputation;
    private final MessageComposer composer;
    private final SendPolicy policy;
    private final Clock clock;

    public Dispatcher(JourneyCatalog journeys, CustomerStore customers, MessageLedger ledger,
            MessageScheduler scheduler, EmailSender email, SmsSender sms, EventPublisher events,
            SmsOptOutList smsOptOuts, SendingReputation reputation, MessageComposer composer, SendPolicy policy,
            Clock clock) {
        this.journeys = journeys;
        this.customers = customers;
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.email = email;
        this.sms = sms;
        this.events = events;
        this.smsOptOuts = smsOptOuts;
        this.reputation = reputation;
        this.composer = composer;
        this.policy = policy;
        this.clock = clock;
    }

    public MessageOutcome dispatch(String customerId, String messageId) {
        Optional<LedgerEntry> found = ledger.find(customerId, messageId);
        if (found.isEmpty()) {
            Log.warn("message_missing", "messageId", messageId);
            return new MessageOutcome.Missing();
        }
        return dispatch(found.get());
    }

    public MessageOutcome dispatch(LedgerEntry entry) {
        if (entry.status().isFinal() || entry.status() == MessageStatus.SENDING) {
            return new MessageOutcome.Unchanged(entry.status());
        }
        Instant now = clock.instant();
        Optional<Journey> journey = journeys.journey(entry.journeyId());
        // A journey or step edited out of journeys.json while the message waited: skip it, don't fail forever.
        Optional<JourneyStep> found = journey.flatMap(j -> j.steps().stream()
                .filter(s -> s.id().equals(entry.stepId()))
                .findFirst());
        if (found.isEmpty()) {
            return skip(entry, SkipReason.JOURNEY_REMOVED, now);
        }
        SendContext context = load(entry, journey.get(), found.get());
        return switch (policy.decide(context, now)) {
            case Decision.Skip skip -> skipOrFallBack(context, skip.reason(), now);
            case Decision.Hold hold -> hold(entry, hold, now);
            case Decision.Send send -> send(context, now);
        };
    }

    /**
     * The customer's state as it is now: profile, the order when the message is about one, and
     * every order only when the journey exits on a reorder.
     */
    private SendContext load(LedgerEntry entry, Journey journey, JourneyStep step) {
        CustomerProfile profile = customers.profile(entry.customerId()).orElse(null);
        OrderRecord order = entry.orderId() == null ? null
                : customers.order(entry.customerId(), entry.orderId()).orElse(null);
        List<OrderRecord> orders = journey.exitsOf(step).contains(ExitCondition.PRODUCT_REORDERED)
                ? customers.orders(entry.customerId())
                : List.of();
        // Asked only where it can matter: the provider's opt-out list for a text, the pause for marketing email.
        boolean optedOut = entry.channel() == Channel.SMS && profile != null && profile.phone() != null
                && smsOptOuts.isOptedOut(profile.phone());
        boolean paused = entry.channel() == Channel.EMAIL && entry.kind() == MessageKind.MARKETING
                && reputation.marketingEmailPause() != null;
        return new SendContext(entry, journey, step, profile, order, orders, optedOut, paused);
    }

    private MessageOutcome skipOrFallBack(SendContext context, SkipReason reason, Instant now) {
        MessageOutcome skipped = skip(context.message(), reason, now);
        JourneyStep step = context.step();
        if (skipped instanceof MessageOutcome.Skipped && step.fallback() != null
                && step.fallback() != context.message().channel() && SendPolicy.isUnreachable(reason)) {
            fallBack(context, now);
        }
        return skipped;
    }

    /**
     * The same message on the step's fallback channel, planned under an id derived from this one so
     * a repeated dispatch finds it in the ledger instead of sending it again.
     */
    private void fallBack(SendContext context, Instant now) {
        LedgerEntry original = context.message();
        JourneyStep step = context.step();
        String messageId = MessageId.of(original.journeyId(), step.id(), step.fallback().id(),
                "fallback-for:" + original.messageId());
        LedgerEntry fallback = LedgerEntry.planned(original.customerId(), messageId, original.journeyId(), step.id(),
                step.fallback(), original.kind(), original.subject(), now, now);
        if (ledger.insert(fallback)) {
            MessageOutcome outcome = dispatch(fallback);
            Log.info("message_fallback", "messageId", original.messageId(), "fallbackMessageId", messageId,
                    "channel", step.fallback().id(), "outcome", MessageOutcome.describe(outcome));
        }
    }

    private MessageOutcome skip(LedgerEntry entry, SkipReason reason, Instant now) {
        if (!ledger.update(entry.skipped(reason, now), entry.version())) {
            return concurrent(entry);
        }
        Log.info("message_skipped", "messageId", entry.messageId(), "journey", entry.journeyId(),
                "channel", entry.channel().id(), "reason", reason.id());
        return new MessageOutcome.Skipped(reason);
    }

    private MessageOutcome hold(LedgerEntry entry, Decision.Hold hold, Instant now) {
        String name = ScheduleNames.of(entry.messageId(), hold.until());
        scheduler.schedule(name, entry.customerId(), entry.messageId(), hold.until());
        // A paused message is looked at again every few hours; were its due time moved each time, it would never expire.
        LedgerEntry held = SendPolicy.REPUTATION_PAUSED.equals(hold.why())
                ? entry.paused(name, hold.why(), now)
                : entry.held(name, hold.until(), hold.why(), now);
        if (!ledger.update(held, entry.version())) {
            scheduler.cancel(name);
            return concurrent(entry);
        }
        Log.info("message_held", "messageId", entry.messageId(), "journey", entry.journeyId(),
                "channel", entry.channel().id(), "reason", hold.why(), "until", hold.until().toString());
        return new MessageOutcome.Held(hold.until(), hold.why());
    }

    private MessageOutcome send(SendContext context, Instant now) {
        LedgerEntry entry = context.message();
        LedgerEntry claimed = entry.claimed(now);
        if (!ledger.update(claimed, entry.version())) {
            return concurrent(entry);
        }
        SendContext sending = context;
        if (entry.kind() == MessageKind.MARKETING) {
            switch (countMarketing(context, now)) {
                case Counting.Counted counted -> sending = counted.context();
                case Counting.Changed changed -> {
                    return release(claimed, changed.decision(), now);
                }
            }
        }
        Delivery delivery;
        Integer segments = null;
        List<String> products = policy.products(sending, now);
        try {
            delivery = switch (entry.channel()) {
                case EMAIL -> email.send(composer.email(sending, products));
                case SMS -> {
                    SmsMessage message = composer.sms(sending, products);
                    segments = message.segments();
                    yield sms.send(message);
                }
                case EVENT -> events.publish(composer.event(sending));
            };
        } catch (RenderException e) {
            delivery = new Delivery.Refused("render_error", true);
            Log.error("message_render_failed", "messageId", entry.messageId(), "template", context.step().template(),
                    "error", e.getMessage());
        }
        Instant done = clock.instant();
        return switch (delivery) {
            case Delivery.Accepted accepted -> {
                ledger.update(claimed.sent(accepted.providerMessageId(), segments, done), claimed.version());
                Log.info("message_sent", "messageId", entry.messageId(), "journey", entry.journeyId(),
                        "channel", entry.channel().id(), "kind", entry.kind().id(),
                        "segments", segments, "providerMessageId", accepted.providerMessageId());
                yield new MessageOutcome.Sent(accepted.providerMessageId());
            }
            case Delivery.Refused refused -> {
                ledger.update(claimed.failed(refused.code(), done), claimed.version());
                if (entry.channel() == Channel.SMS && entry.kind() == MessageKind.MARKETING
                        && !sending.profile().smsOptOutExplained()) {
                    unexplain(sending.profile());
                }
                Log.error("message_failed", "messageId", entry.messageId(), "journey", entry.journeyId(),
                        "channel", entry.channel().id(), "code", refused.code(), "permanent", refused.permanent());
                Log.metric("MessagesFailed", 1, "Count",
                        Map.of("Journey", entry.journeyId(), "Channel", entry.channel().id()), done);
                yield new MessageOutcome.Failed(refused.code());
            }
        };
    }

    /**
     * A refused text that was to tell its number how to stop: the counting recorded the number as
     * told, so the next marketing text would not say it. Best effort, one conditional write; a
     * concurrent writer wins, and then at worst the line is missing once.
     */
    private void unexplain(CustomerProfile before) {
        Optional<CustomerProfile> current = customers.profile(before.customerId());
        if (current.isEmpty() || !current.get().smsOptOutExplained()) {
            return;
        }
        CustomerProfile profile = current.get();
        Engagement restored = profile.engagement().withSmsOptOutExplainedTo(
                before.engagement().smsOptOutExplainedTo());
        customers.saveProfile(profile.withEngagement(restored), profile.version());
    }

    /** What counting a marketing message came to: counted against this state of the customer, or another decision. */
    private sealed interface Counting {

        record Counted(SendContext context) implements Counting {
        }

        record Changed(Decision decision) implements Counting {
        }
    }

    /**
     * Counts a claimed marketing message against the customer's cooldowns and caps with a
     * conditional profile write. When another writer moved the profile first, the decision is taken
     * again on the fresh profile; a different decision is returned for the caller to record. A send
     * returns the state it was counted against, to compose from: a text then goes to the number
     * recorded as told how to stop, not to one the customer has since replaced.
     */
    private Counting countMarketing(SendContext context, Instant now) {
        SendContext current = context;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CustomerProfile profile = current.profile();
            Engagement engagement = profile.engagement().withMarketingSend(current.message().channel(), now);
            if (current.message().channel() == Channel.SMS) {
                // The composer adds how to stop to the first marketing text to a number; this records that it did.
                engagement = engagement.withSmsOptOutExplainedTo(profile.phone());
            }
            CustomerProfile counted = profile.withEngagement(engagement);
            if (customers.saveProfile(counted, profile.version())) {
                return new Counting.Counted(current);
            }
            current = load(current.message(), current.journey(), current.step());
            Decision decision = policy.decide(current, now);
            if (!(decision instanceof Decision.Send)) {
                return new Counting.Changed(decision);
            }
        }
        // Still contended: try again in a minute rather than leave the message claimed for good.
        return new Counting.Changed(new Decision.Hold(now.plus(CONTENTION_RETRY), "profile_contention"));
    }

    /** A claimed message that the fresh state says not to send now: skipped, or held for later. */
    private MessageOutcome release(LedgerEntry claimed, Decision decision, Instant now) {
        return switch (decision) {
            case Decision.Skip skip -> skip(claimed, skip.reason(), now);
            case Decision.Hold hold -> hold(claimed, hold, now);
            case Decision.Send send -> throw new IllegalStateException("a send is not a release");
        };
    }

    private MessageOutcome concurrent(LedgerEntry entry) {
        MessageStatus now = ledger.find(entry.customerId(), entry.messageId())
                .map(LedgerEntry::status)
                .orElse(entry.status());
        return new MessageOutcome.Unchanged(now);
    }
}
