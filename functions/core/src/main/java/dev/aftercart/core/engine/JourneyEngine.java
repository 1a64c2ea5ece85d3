package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.OrderRecord;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.LoyaltyUpdated;
import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.ReturnUpdated;
import dev.aftercart.core.event.ReviewSubmitted;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.event.SubscriptionUpdated;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.ExitCondition;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.journey.ProductDays;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.ledger.SkipReason;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.policy.CustomerZone;
import dev.aftercart.core.policy.SendContext;
import dev.aftercart.core.policy.SendPolicy;
import dev.aftercart.core.port.Catalog;
import dev.aftercart.core.port.CustomerStore;
import dev.aftercart.core.port.MessageLedger;
import dev.aftercart.core.port.MessageScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Record, plan, dispatch. Each event is folded into state; messages whose exit the new state
 * meets are withdrawn; the journeys it triggers become ledger entries keyed by business facts;
 * what is due now is dispatched at once, the rest is scheduled.
 */
public final class JourneyEngine {

    /** Events whose new state can end messages that are still waiting; they are re-checked at once. */
    private static final Set<Class<? extends ShopEvent>> WITHDRAWING = Set.of(OrderCancelled.class,
            ReviewSubmitted.class, ReturnUpdated.class, LoyaltyUpdated.class, SubscriptionUpdated.class);

    private final JourneyCatalog journeys;
    private final Recorder recorder;
    private final CustomerStore customers;
    private final MessageLedger ledger;
    private final Catalog catalog;
    private final MessageScheduler scheduler;
    private final Dispatcher dispatcher;
    private final SendPolicy policy;
    private final Policies policies;
    private final ZoneId storeZone;
    private final Clock clock;
    private final Set<String> computedFacts = new HashSet<>();

    public JourneyEngine(JourneyCatalog journeys, Recorder recorder, CustomerStore customers, MessageLedger ledger,
            Catalog catalog, MessageScheduler scheduler, Dispatcher dispatcher, SendPolicy policy, Policies policies,
            ZoneId storeZone, Clock clock) {
        for (Journey journey : journeys.all()) {
            validate(journey);
            computedFacts.addAll(journey.when().facts());
            journey.steps().forEach(step -> computedFacts.addAll(step.when().facts()));
        }
        this.journeys = journeys;
        this.recorder = recorder;
        this.customers = customers;
        this.ledger = ledger;
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.dispatcher = dispatcher;
        this.policy = policy;
        this.policies = policies;
        this.storeZone = storeZone;
        this.clock = clock;
    }

    /** A journey whose trigger cannot start journeys, or that names facts, instants or keys it lacks, fails at start-up. */
    private static void validate(Journey journey) {
        Trigger.Offer offer = Trigger.OFFERS.get(journey.trigger());
        if (offer == null) {
            throw new IllegalArgumentException("journey " + journey.id() + ": \"" + journey.trigger()
                    + "\" cannot start a journey");
        }
        List<String> unknown = new ArrayList<>(journey.when().facts());
        journey.steps().forEach(step -> unknown.addAll(step.when().facts()));
        unknown.removeAll(offer.facts());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("journey " + journey.id() + ": " + journey.trigger()
                    + " offers the facts " + offer.facts() + ", not " + unknown);
        }
        for (JourneyStep step : journey.steps()) {
            if (!step.from().equals(JourneyStep.OCCURRED_AT) && !offer.instants().contains(step.from())) {
                throw new IllegalArgumentException("journey " + journey.id() + " step " + step.id() + ": "
                        + journey.trigger() + " offers no instant " + step.from());
            }
        }
        if (!Set.of(Journey.EVENT_KEY, "customer").contains(journey.key()) && !offer.keys().contains(journey.key())) {
            throw new IllegalArgumentException("journey " + journey.id() + ": " + journey.trigger()
                    + " offers no key " + journey.key());
        }
    }

    public EventOutcome handle(String eventId, ShopEvent event) {
        Recording recording = recorder.record(event);
        List<PlannedMessage> messages = new ArrayList<>();
        if (recording.state() != RecordState.STALE) {
            if (WITHDRAWING.contains(event.getClass()) && recording.state() == RecordState.RECORDED) {
                messages.addAll(withdraw(customerOf(event, recording)));
            }
            Optional<Trigger> trigger = Trigger.of(event, recording, computedFacts(event, recording));
            if (trigger.isPresent()) {
                for (Journey journey : journeys.triggeredBy(event.detailType())) {
                    messages.addAll(plan(journey, trigger.get(), recording.profile()));
                }
            }
        }
        EventOutcome outcome = new EventOutcome(eventId, event.detailType(), recording.state(), messages);
        Log.info("event_handled", "eventId", eventId, "detailType", event.detailType(),
                "state", recording.state().id(), "messages", messages.stream().map(PlannedMessage::describe).toList());
        return outcome;
    }

    /** Facts worth a read only when some journey's condition asks for them. */
    private Map<String, Object> computedFacts(ShopEvent event, Recording recording) {
        Map<String, Object> facts = new HashMap<>();
        if (computedFacts.contains("orderCount") && event instanceof OrderPlaced && recording.order() != null) {
            facts.put("orderCount", customers.orders(recording.order().customerId()).stream()
                    .filter(o -> o.isKnown() && !o.isCancelled())
                    .count());
        }
        if (event instanceof LoyaltyUpdated loyalty) {
            facts.put("tierUpgraded", policies.isUpgrade((String) recording.facts().get("previousTier"), loyalty.tier()));
        }
        return facts;
    }

    private static String customerOf(ShopEvent event, Recording recording) {
        return switch (event) {
            case OrderCancelled cancelled -> cancelled.customerId();
            case ReviewSubmitted review -> review.customerId();
            case ReturnUpdated returned -> returned.customerId();
            case LoyaltyUpdated loyalty -> loyalty.customerId();
            case SubscriptionUpdated subscription -> subscription.customerId();
            default -> recording.profile() == null ? null : recording.profile().customerId();
        };
    }

    /** The messages of one journey for one trigger: per step and channel, and per product group when it asks. */
    private List<PlannedMessage> plan(Journey journey, Trigger trigger, CustomerProfile profile) {
        List<PlannedMessage> planned = new ArrayList<>();
        String key = trigger.key(journey);
        if (key == null || !journey.when().matches(trigger.facts())) {
            return planned;
        }
        Instant now = clock.instant();
        ZoneId zone = profile == null ? storeZone : CustomerZone.of(profile, storeZone);
        for (ProductGroup group : groups(journey, trigger, key)) {
            for (JourneyStep step : journey.steps()) {
                Instant anchor = trigger.instants().get(step.from());
                if (anchor == null || !step.when().matches(trigger.facts())) {
                    continue;
                }
                Instant due = due(anchor, step, group.days(), zone).plus(Duration.ofDays(group.dayOffset()));
                for (Channel channel : step.channels()) {
                    String messageId = MessageId.of(journey.id(), step.id(), channel.id(), group.key());
                    LedgerEntry entry = LedgerEntry.planned(trigger.customerId(), messageId, journey.id(), step.id(),
                            channel, journey.kind(), group.subject(), due, now);
                    planned.add(new PlannedMessage(messageId, journey.id(), step.id(), channel, place(entry)));
                }
            }
        }
        return planned;
    }

    /** The step's due instant: after its anchor, plus the products' days, moved to its local send time. */
    static Instant due(Instant anchor, JourneyStep step, int productDays, ZoneId zone) {
        Duration wait = step.plus() == ProductDays.NONE ? step.after() : step.after().plusDays(productDays);
        if (step.sendAt() == null) {
            return anchor.plus(wait);
        }
        // Whole days count on the customer's calendar: a clock change in between must not move the send to another day.
        ZonedDateTime local = anchor.atZone(zone).plusDays(wait.toDays()).plus(wait.minusDays(wait.toDays()));
        return ZonedDateTime.of(local.toLocalDate(), step.sendAt(), zone).toInstant();
    }

    /** Products messaged together; {@code dayOffset} spaces runs that fall due the same day a day apart. */
    private record ProductGroup(String key, Map<String, String> subject, int days, int dayOffset) {
    }

    /**
     * One group for the whole trigger, or, for a journey with {@code productsPerMessage}, its
     * products grouped by their days (they fall due together) in runs of at most that many; a
     * product the wait does not apply to (no replenishment days) gets no message. Runs that fall
     * due the same day go a day apart, so the marketing cooldown does not skip them.
     */
    private List<ProductGroup> groups(Journey journey, Trigger trigger, String key) {
        List<String> about = trigger.productsFor(journey);
        if (journey.productsPerMessage() == 0) {
            Map<String, String> subject = new LinkedHashMap<>(trigger.subject());
            if (journey.aboutWholeOrder()) {
                subject.put("productIds", LedgerEntry.joinProductIds(about));
            }
            return List.of(new ProductGroup(key, subject, 0, 0));
        }
        Map<String, Product> products = about.isEmpty() ? Map.of() : catalog.products(about);
        Map<Integer, List<String>> byDays = new TreeMap<>();
        for (String productId : about) {
            Integer days = journey.productDays().of(products.get(productId));
            if (days != null) {
                byDays.computeIfAbsent(days, d -> new ArrayList<>()).add(productId);
            }
        }
        List<ProductGroup> groups = new ArrayList<>();
        byDays.forEach((days, ids) -> {
            for (int from = 0; from < ids.size(); from += journey.productsPerMessage()) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + journey.productsPerMessage()));
                Map<String, String> subject = new LinkedHashMap<>(trigger.subject());
                subject.put("productIds", LedgerEntry.joinProductIds(chunk));
                groups.add(new ProductGroup(key + ":products:" + LedgerEntry.joinProductIds(chunk), subject, days,
                        from / journey.productsPerMessage()));
            }
        });
        return groups;
    }

    /** Inserts the entry once; a duplicate event finds it there and leaves it alone. */
    private MessageOutcome place(LedgerEntry entry) {
        LedgerEntry current = entry;
        if (!ledger.insert(entry)) {
            current = ledger.find(entry.customerId(), entry.messageId()).orElse(null);
            if (current == null) {
                return new MessageOutcome.Missing();
            }
            if (current.status() != MessageStatus.PLANNED) {
                return new MessageOutcome.Unchanged(current.status());
            }
            // Planned but never dispatched or scheduled: an earlier attempt stopped half-way.
        }
        Instant now = clock.instant();
        if (!current.dueAt().isAfter(now)) {
            return dispatcher.dispatch(current);
        }
        String name = ScheduleNames.of(current.messageId(), current.dueAt());
        scheduler.schedule(name, current.customerId(), current.messageId(), current.dueAt());
        ledger.update(current.scheduled(name, current.dueAt(), now), current.version());
        return new MessageOutcome.Scheduled(current.dueAt());
    }

    /**
     * Withdraws every waiting message of the customer whose exit condition the new state meets: a
     * cancelled order's messages, a review request for what was just reviewed, the replenishment of
     * what was returned, an expiry reminder for points just spent, a renewal reminder for a
     * subscription paused or moved. Its schedule is deleted and the ledger says why.
     */
    private List<PlannedMessage> withdraw(String customerId) {
        List<PlannedMessage> withdrawn = new ArrayList<>();
        if (customerId == null) {
            return withdrawn;
        }
        Instant now = clock.instant();
        CustomerProfile profile = customers.profile(customerId).orElse(null);
        Map<String, Optional<OrderRecord>> orders = new HashMap<>();
        List<OrderRecord> all = null;
        for (LedgerEntry entry : ledger.forCustomer(customerId)) {
            if (entry.status().isFinal() || entry.status() == MessageStatus.SENDING) {
                continue;
            }
            Optional<Journey> journey = journeys.journey(entry.journeyId());
            Optional<JourneyStep> step = journey.flatMap(j -> j.steps().stream()
                    .filter(s -> s.id().equals(entry.stepId())).findFirst());
            if (step.isEmpty()) {
                continue;
            }
            OrderRecord order = entry.orderId() == null ? null : orders.computeIfAbsent(entry.orderId(),
                    id -> customers.order(customerId, id)).orElse(null);
            if (all == null && journey.get().exitsOf(step.get()).contains(ExitCondition.PRODUCT_REORDERED)) {
                all = customers.orders(customerId);
            }
            SkipReason exit = policy.exitReason(new SendContext(entry, journey.get(), step.get(), profile, order,
                    all == null ? List.of() : all));
            if (exit == null) {
                continue;
            }
            if (entry.scheduleName() != null) {
                scheduler.cancel(entry.scheduleName());
            }
            if (ledger.update(entry.cancelled(exit.id(), now), entry.version())) {
                withdrawn.add(new PlannedMessage(entry.messageId(), entry.journeyId(), entry.stepId(), entry.channel(),
                        new MessageOutcome.Cancelled(exit.id())));
            }
        }
        return withdrawn;
    }
}
