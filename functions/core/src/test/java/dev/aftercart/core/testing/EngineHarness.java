package dev.aftercart.core.testing;

import dev.aftercart.core.engine.Aftercart;
import dev.aftercart.core.engine.Dispatcher;
import dev.aftercart.core.engine.EventIntake;
import dev.aftercart.core.engine.EventOutcome;
import dev.aftercart.core.engine.JourneyEngine;
import dev.aftercart.core.engine.MessageOutcome;
import dev.aftercart.core.engine.Policies;
import dev.aftercart.core.engine.Ports;
import dev.aftercart.core.event.CustomerUpdated;
import dev.aftercart.core.event.LoyaltyUpdated;
import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.ProductUpdated;
import dev.aftercart.core.event.ReturnUpdated;
import dev.aftercart.core.event.ReviewSubmitted;
import dev.aftercart.core.event.ShipmentUpdated;
import dev.aftercart.core.event.SubscriptionUpdated;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.core.render.Templates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine assembled as a function assembles it ({@link Aftercart#assemble}, with journeys,
 * policies and templates from the classpath), every port an in-memory fake, an intake for every
 * detail-type, and a clock that stands at {@code 2026-11-20T10:00:05Z}, just after the fixtures' events.
 */
public final class EngineHarness {

    public static final String START = "2026-11-20T10:00:05Z";

    static final Set<String> ALL_DETAIL_TYPES = Set.of(OrderPlaced.DETAIL_TYPE, OrderCancelled.DETAIL_TYPE,
            CustomerUpdated.DETAIL_TYPE, ProductUpdated.DETAIL_TYPE, ShipmentUpdated.DETAIL_TYPE,
            ReviewSubmitted.DETAIL_TYPE, ReturnUpdated.DETAIL_TYPE, LoyaltyUpdated.DETAIL_TYPE,
            SubscriptionUpdated.DETAIL_TYPE);

    public final MutableClock clock = MutableClock.at(START);
    public final InMemoryMessageLedger ledger = new InMemoryMessageLedger();
    public final InMemoryCustomerStore customers = new InMemoryCustomerStore(ledger);
    public final InMemoryCatalog catalog = new InMemoryCatalog();
    public final RecordingScheduler scheduler = new RecordingScheduler();
    public final RecordingEmailSender email = new RecordingEmailSender();
    public final RecordingSmsSender sms = new RecordingSmsSender();
    public final RecordingEventPublisher events = new RecordingEventPublisher();
    public final InMemorySmsOptOutList smsOptOuts = new InMemorySmsOptOutList();
    public final InMemorySendingReputation reputation = new InMemorySendingReputation(1000);
    public final LinkTokens links = new LinkTokens(Fixtures.LINK_KEY, clock, java.time.Duration.ofDays(90));
    public final JourneyCatalog journeys;
    public final Policies policies = Policies.fromClasspath();
    public final Aftercart aftercart;
    public final Dispatcher dispatcher;
    public final JourneyEngine engine;
    public final EventIntake intake;
    /** Schedules that have fired: EventBridge Scheduler deletes a one-time schedule once it has run. */
    private final Set<String> fired = new HashSet<>();

    private EngineHarness(JourneyCatalog journeys, Templates templates) {
        this.journeys = journeys;
        aftercart = Aftercart.assemble(new Ports(customers, ledger, catalog, scheduler, email, sms, events,
                smsOptOuts, reputation, clock), Fixtures.STORE, links, journeys, policies, templates);
        dispatcher = aftercart.dispatcher();
        engine = aftercart.engine();
        intake = aftercart.intake(ALL_DETAIL_TYPES);
    }

    public static EngineHarness create() {
        return new EngineHarness(JourneyCatalog.fromClasspath(), Templates.fromClasspath());
    }

    /** The same wiring with other templates, e.g. broken ones. */
    public static EngineHarness withTemplates(Templates templates) {
        return new EngineHarness(JourneyCatalog.fromClasspath(), templates);
    }

    /** The same wiring with other journeys, e.g. test-only marketing SMS, and templates for them. */
    public static EngineHarness withJourneys(JourneyCatalog journeys, Templates templates) {
        return new EngineHarness(journeys, templates);
    }

    /** Hands an EventBridge envelope to the engine as an event Lambda would. */
    public EventOutcome accept(Map<String, Object> envelope) {
        return intake.accept(envelope);
    }

    /** The customer's one ledger entry for {@code channel}. */
    public LedgerEntry entry(String customerId, Channel channel) {
        var found = ledger.forCustomer(customerId).stream().filter(e -> e.channel() == channel).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + channel.id() + " entry for " + customerId + ", found " + found.size());
        }
        return found.get(0);
    }

    /**
     * Hands over an event as it arrives: first the clock runs to five seconds after the envelope's
     * {@code time}, firing what falls due on the way ({@link #runUntil}), then the event is accepted.
     */
    public EventOutcome arrive(Map<String, Object> envelope) {
        runUntil(Instant.parse((String) envelope.get("time")).plusSeconds(5));
        return accept(envelope);
    }

    /**
     * Moves the virtual clock forward to {@code until}, firing each pending schedule at its own
     * time, earliest first, as EventBridge Scheduler would; a schedule made by a dispatch on the way
     * (a hold) fires too when it falls due before {@code until}. The clock never moves back.
     *
     * @return what each fired dispatch did, in firing order
     */
    public List<MessageOutcome> runUntil(Instant until) {
        List<MessageOutcome> outcomes = new ArrayList<>();
        for (Optional<RecordingScheduler.Schedule> next = nextDue(until); next.isPresent(); next = nextDue(until)) {
            RecordingScheduler.Schedule schedule = next.get();
            fired.add(schedule.name());
            if (schedule.at().isAfter(clock.instant())) {
                clock.set(schedule.at());
            }
            outcomes.add(dispatcher.dispatch(schedule.customerId(), schedule.messageId()));
        }
        if (until.isAfter(clock.instant())) {
            clock.set(until);
        }
        return outcomes;
    }

    /** Schedules that have neither fired nor been cancelled, earliest first. */
    public List<RecordingScheduler.Schedule> waiting() {
        return scheduler.pending().stream()
                .filter(s -> !fired.contains(s.name()))
                .sorted(Comparator.comparing(RecordingScheduler.Schedule::at))
                .toList();
    }

    private Optional<RecordingScheduler.Schedule> nextDue(Instant until) {
        return waiting().stream().filter(s -> !s.at().isAfter(until)).findFirst();
    }

    /** The customer's one ledger entry for this journey, step and channel. */
    public LedgerEntry entry(String customerId, String journeyId, String stepId, Channel channel) {
        List<LedgerEntry> found = entries(customerId, journeyId, stepId).stream()
                .filter(e -> e.channel() == channel)
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + journeyId + "/" + stepId + "/" + channel.id() + " entry for "
                    + customerId + ", found " + found.size());
        }
        return found.get(0);
    }

    /** The customer's ledger entries for one journey step, in the order they were planned. */
    public List<LedgerEntry> entries(String customerId, String journeyId, String stepId) {
        return ledger.forCustomer(customerId).stream()
                .filter(e -> e.journeyId().equals(journeyId) && e.stepId().equals(stepId))
                .toList();
    }
}
