package dev.aftercart.core.engine;

import dev.aftercart.core.event.EventParser;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.policy.SendPolicy;
import dev.aftercart.core.render.Templates;
import java.util.Set;

/**
 * Assembles the engine from its ports and the store-owner data on the classpath (journeys,
 * policies, templates). Built once per container by a function's composition root.
 */
public final class Aftercart {

    private final JourneyEngine engine;
    private final Dispatcher dispatcher;
    private final Runnable priming;

    private Aftercart(JourneyEngine engine, Dispatcher dispatcher, Runnable priming) {
        this.engine = engine;
        this.dispatcher = dispatcher;
        this.priming = priming;
    }

    public static Aftercart assemble(Ports ports, StoreSettings store) {
        return assemble(ports, store, JourneyCatalog.fromClasspath(), Policies.fromClasspath(), Templates.fromClasspath());
    }

    public static Aftercart assemble(Ports ports, StoreSettings store, JourneyCatalog journeys, Policies policies,
            Templates templates) {
        Recommender recommender = new Recommender(ports.customers(), ports.catalog(), policies.sendRules());
        MessageComposer composer = new MessageComposer(templates, store, policies, recommender, ports.catalog());
        SendPolicy policy = new SendPolicy(policies.sendRules(), store.defaultTimeZone());
        Dispatcher dispatcher = new Dispatcher(journeys, ports.customers(), ports.ledger(), ports.scheduler(),
                ports.email(), ports.sms(), ports.events(), composer, policy, ports.clock());
        Recorder recorder = new Recorder(ports.customers(), ports.catalog());
        JourneyEngine engine = new JourneyEngine(journeys, recorder, ports.customers(), ports.ledger(), ports.catalog(),
                ports.scheduler(), dispatcher, policy, policies, store.defaultTimeZone(), ports.clock());
        return new Aftercart(engine, dispatcher, () -> Priming.rehearse(journeys, policies, templates, store));
    }

    /** The intake for one function, accepting only the detail-types its rules route to it. */
    public EventIntake intake(Set<String> detailTypes) {
        return new EventIntake(new EventParser(detailTypes), engine);
    }

    public JourneyEngine engine() {
        return engine;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Warms this instance's templates and code paths for a SnapStart snapshot; touches no state, sends nothing. */
    public void prime() {
        priming.run();
    }
}
