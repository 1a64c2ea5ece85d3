package dev.aftercart.core.engine;

import dev.aftercart.core.customer.CustomerProfile;
import dev.aftercart.core.customer.Product;
import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.Journey;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.journey.JourneyStep;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageId;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.log.Log;
import dev.aftercart.core.policy.CustomerZone;
import dev.aftercart.core.port.Catalog;
import dev.aftercart.core.port.MessageLedger;
import dev.aftercart.core.port.MessageScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Record, plan, dispatch. Each event is folded into state; the journeys it triggers become ledger
 * entries keyed by business facts; what is due now is dispatched at once, the rest is scheduled.
 */
public final class JourneyEngine {

    /** How long a product is used before a review request, when the catalog does not say. */
    static final int DEFAULT_USAGE_DAYS = 7;

    private final JourneyCatalog journeys;
    private final Recorder recorder;
    private final MessageLedger ledger;
    private final Catalog catalog;
    private final MessageScheduler scheduler;
    private final Dispatcher dispatcher;
    private final ZoneId storeZone;
    private final Clock clock;

    public JourneyEngine(JourneyCatalog journeys, Recorder recorder, MessageLedger ledger, Catalog catalog,
            MessageScheduler scheduler, Dispatcher dispatcher, ZoneId storeZone, Clock clock) {
        for (Journey journey : journeys.all()) {
            validate(journey);
        }
        this.journeys = journeys;
        this.recorder = recorder;
        this.ledger = ledger;
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.dispatcher = dispatcher;
        this.storeZone = storeZone;
        this.clock = clock;
    }

    /** A journey whose trigger cannot start journeys, or whose conditions name facts it lacks, fails at start-up. */
    private static void validate(Journey journey) {
        if (!Trigger.canStart(journey.trigger())) {
            throw new IllegalArgumentException("journey " + journey.id() + ": \"" + journey.trigger()
                    + "\" cannot start a journey");
        }
        var facts = Trigger.FACTS.get(journey.trigger());
        List<String> unknown = new ArrayList<>(journey.when().facts());
        journey.steps().forEach(step -> unknown.addAll(step.when().facts()));
        unknown.removeAll(facts);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("journey " + journey.id() + ": " + journey.trigger()
                    + " offers the facts " + facts + ", not " + unknown);
        }
    }

    public EventOutcome handle(String eventId, ShopEvent event) {
        Recording recording = recorder.record(event);
        List<PlannedMessage> messages = new ArrayList<>();
        if (recording.state() != RecordState.STALE) {
            if (event instanceof OrderCancelled cancelled && recording.state() == RecordState.RECORDED) {
                messages.addAll(cancelPending(cancelled));
            }
            Optional<Trigger> trigger = Trigger.of(event, recording);
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

    /** The messages of one journey for one trigger: per step and channel, and per product group when it asks. */
    private List<PlannedMessage> plan(Journey journey, Trigger trigger, CustomerProfile profile) {
        List<PlannedMessage> planned = new ArrayList<>();
        if (!journey.when().matches(trigger.facts())) {
            return planned;
        }
        Instant now = clock.instant();
        ZoneId zone = profile == null ? storeZone : CustomerZone.of(profile, storeZone);
        for (ProductGroup group : groups(journey, trigger)) {
            for (JourneyStep step : journey.steps()) {
                if (!step.when().matches(trigger.facts())) {
                    continue;
                }
                Instant due = due(trigger.anchor(), step, group.usageDays(), zone).plus(Duration.ofDays(group.dayOffset()));
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

    /** The step's due instant: after the trigger, plus the products' usage days, moved to its local send time. */
    static Instant due(Instant anchor, JourneyStep step, int usageDays, ZoneId zone) {
        Duration wait = step.plusUsageDays() ? step.after().plusDays(usageDays) : step.after();
        if (step.sendAt() == null) {
            return anchor.plus(wait);
        }
        // Whole days count on the customer's calendar: a clock change in between must not move the send to another day.
        ZonedDateTime local = anchor.atZone(zone).plusDays(wait.toDays()).plus(wait.minusDays(wait.toDays()));
        return ZonedDateTime.of(local.toLocalDate(), step.sendAt(), zone).toInstant();
    }

    /** Products messaged together; {@code dayOffset} spaces runs that fall due the same day a day apart. */
    private record ProductGroup(String key, Map<String, String> subject, int usageDays, int dayOffset) {
    }

    /**
     * One group for the whole trigger, or, for a journey with {@code productsPerMessage}, its
     * products grouped by usage days (they fall due together) in runs of at most that many. Runs
     * that fall due the same day go a day apart, so the marketing cooldown does not skip them.
     */
    private List<ProductGroup> groups(Journey journey, Trigger trigger) {
        List<String> about = trigger.productsFor(journey);
        if (journey.productsPerMessage() == 0) {
            Map<String, String> subject = new LinkedHashMap<>(trigger.subject());
            if (journey.aboutWholeOrder()) {
                subject.put("productIds", LedgerEntry.joinProductIds(about));
            }
            return List.of(new ProductGroup(trigger.businessKey(), subject, DEFAULT_USAGE_DAYS, 0));
        }
        Map<String, Product> products = about.isEmpty() ? Map.of() : catalog.products(about);
        Map<Integer, List<String>> byUsage = new TreeMap<>();
        for (String productId : about) {
            Product product = products.get(productId);
            int days = product != null && product.usageDays() != null ? product.usageDays() : DEFAULT_USAGE_DAYS;
            byUsage.computeIfAbsent(days, d -> new ArrayList<>()).add(productId);
        }
        List<ProductGroup> groups = new ArrayList<>();
        byUsage.forEach((days, ids) -> {
            for (int from = 0; from < ids.size(); from += journey.productsPerMessage()) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + journey.productsPerMessage()));
                Map<String, String> subject = new LinkedHashMap<>(trigger.subject());
                subject.put("productIds", LedgerEntry.joinProductIds(chunk));
                groups.add(new ProductGroup(trigger.businessKey() + ":products:" + LedgerEntry.joinProductIds(chunk),
                        subject, days, from / journey.productsPerMessage()));
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

    /** A cancelled order withdraws every message about it that has not gone out yet. */
    private List<PlannedMessage> cancelPending(OrderCancelled event) {
        List<PlannedMessage> cancelled = new ArrayList<>();
        Instant now = clock.instant();
        for (LedgerEntry entry : ledger.forCustomer(event.customerId())) {
            if (!event.orderId().equals(entry.orderId()) || entry.status().isFinal()
                    || entry.status() == MessageStatus.SENDING) {
                continue;
            }
            if (entry.scheduleName() != null) {
                scheduler.cancel(entry.scheduleName());
            }
            if (ledger.update(entry.cancelled("order_cancelled", now), entry.version())) {
                cancelled.add(new PlannedMessage(entry.messageId(), entry.journeyId(), entry.stepId(), entry.channel(),
                        new MessageOutcome.Cancelled("order_cancelled")));
            }
        }
        return cancelled;
    }
}
