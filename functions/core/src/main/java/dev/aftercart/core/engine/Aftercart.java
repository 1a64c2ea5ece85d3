package dev.aftercart.core.engine;

import dev.aftercart.core.event.EventParser;
import dev.aftercart.core.feedback.Erasure;
import dev.aftercart.core.feedback.FeedbackRecorder;
import dev.aftercart.core.feedback.SmsKeywords;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.policy.SendPolicy;
import dev.aftercart.core.preferences.ConsentChanges;
import dev.aftercart.core.preferences.LinkTokens;
import dev.aftercart.core.preferences.PreferenceCenter;
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
    private final Ports ports;
    private final StoreSettings store;
    private final LinkTokens links;
    private final Policies policies;
    private final Templates templates;

    private Aftercart(JourneyEngine engine, Dispatcher dispatcher, Runnable priming, Ports ports, StoreSettings store,
            LinkTokens links, Policies policies, Templates templates) {
        this.engine = engine;
        this.dispatcher = dispatcher;
        this.priming = priming;
        this.ports = ports;
        this.store = store;
        this.links = links;
        this.policies = policies;
        this.templates = templates;
    }

    public static Aftercart assemble(Ports ports, StoreSettings store, LinkTokens links) {
        return assemble(ports, store, links, JourneyCatalog.fromClasspath(), Policies.fromClasspath(),
                Templates.fromClasspath());
    }

    public static Aftercart assemble(Ports ports, StoreSettings store, LinkTokens links, JourneyCatalog journeys,
            Policies policies, Templates templates) {
        Recommender recommender = new Recommender(ports.customers(), ports.catalog(), policies.sendRules());
        MessageComposer composer = new MessageComposer(templates, store, policies, recommender, ports.catalog(), links);
        SendPolicy policy = new SendPolicy(policies.sendRules(), store.defaultTimeZone());
        Dispatcher dispatcher = new Dispatcher(journeys, ports.customers(), ports.ledger(), ports.scheduler(),
                ports.email(), ports.sms(), ports.events(), ports.smsOptOuts(), ports.reputation(), composer, policy,
                ports.clock());
        Recorder recorder = new Recorder(ports.customers(), ports.catalog());
        JourneyEngine engine = new JourneyEngine(journeys, recorder, ports.customers(), ports.ledger(), ports.catalog(),
                ports.scheduler(), dispatcher, policy, policies, store.defaultTimeZone(), ports.clock());
        return new Aftercart(engine, dispatcher, () -> Priming.rehearse(journeys, policies, templates, store), ports,
                store, links, policies, templates);
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

    /** The preference page and one-click unsubscribe. */
    public PreferenceCenter preferences() {
        return new PreferenceCenter(ports.customers(), consentChanges(), links, templates, store);
    }

    /** SES feedback into suppression, the ledger and the reputation guard. */
    public FeedbackRecorder feedback(boolean trackEngagement) {
        return new FeedbackRecorder(ports.customers(), ports.ledger(), ports.reputation(),
                policies.sendRules().reputation(), trackEngagement, ports.clock());
    }

    /** STOP, START and HELP texted back to the store. */
    public SmsKeywords smsKeywords() {
        return new SmsKeywords(ports.customers(), consentChanges(), ports.sms(), ports.smsOptOuts(), templates, store);
    }

    private ConsentChanges consentChanges() {
        return new ConsentChanges(ports.customers(), ports.events(), ports.clock());
    }

    public Erasure erasure() {
        return new Erasure(ports.customers(), ports.ledger(), ports.scheduler());
    }

    /** Warms this instance's templates and code paths for a SnapStart snapshot; touches no state, sends nothing. */
    public void prime() {
        priming.run();
    }
}
