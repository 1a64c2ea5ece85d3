package dev.aftercart.core.testing;

import dev.aftercart.core.engine.Aftercart;
import dev.aftercart.core.engine.Dispatcher;
import dev.aftercart.core.engine.EventIntake;
import dev.aftercart.core.engine.EventOutcome;
import dev.aftercart.core.engine.JourneyEngine;
import dev.aftercart.core.engine.Policies;
import dev.aftercart.core.engine.Ports;
import dev.aftercart.core.event.CustomerUpdated;
import dev.aftercart.core.event.OrderCancelled;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.event.ProductUpdated;
import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.render.Templates;
import java.util.Map;
import java.util.Set;

/**
 * The engine assembled as a function assembles it ({@link Aftercart#assemble}, with journeys,
 * policies and templates from the classpath), every port an in-memory fake, an intake for every
 * detail-type, and a clock that stands at {@code 2026-11-20T10:00:05Z}, just after the fixtures' events.
 */
public final class EngineHarness {

    public static final String START = "2026-11-20T10:00:05Z";

    static final Set<String> ALL_DETAIL_TYPES = Set.of(OrderPlaced.DETAIL_TYPE, OrderCancelled.DETAIL_TYPE,
            CustomerUpdated.DETAIL_TYPE, ProductUpdated.DETAIL_TYPE);

    public final MutableClock clock = MutableClock.at(START);
    public final InMemoryCustomerStore customers = new InMemoryCustomerStore();
    public final InMemoryMessageLedger ledger = new InMemoryMessageLedger();
    public final InMemoryCatalog catalog = new InMemoryCatalog();
    public final RecordingScheduler scheduler = new RecordingScheduler();
    public final RecordingEmailSender email = new RecordingEmailSender();
    public final RecordingSmsSender sms = new RecordingSmsSender();
    public final JourneyCatalog journeys = JourneyCatalog.fromClasspath();
    public final Policies policies = Policies.fromClasspath();
    public final Aftercart aftercart;
    public final Dispatcher dispatcher;
    public final JourneyEngine engine;
    public final EventIntake intake;

    private EngineHarness(Templates templates) {
        aftercart = Aftercart.assemble(new Ports(customers, ledger, catalog, scheduler, email, sms, clock),
                Fixtures.STORE, journeys, policies, templates);
        dispatcher = aftercart.dispatcher();
        engine = aftercart.engine();
        intake = aftercart.intake(ALL_DETAIL_TYPES);
    }

    public static EngineHarness create() {
        return new EngineHarness(Templates.fromClasspath());
    }

    /** The same wiring with other templates, e.g. broken ones. */
    public static EngineHarness withTemplates(Templates templates) {
        return new EngineHarness(templates);
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
}
