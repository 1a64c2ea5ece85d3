package dev.aftercart.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.aftercart.aws.dynamodb.CapacityMeter;
import dev.aftercart.core.event.InvalidEventException;
import dev.aftercart.core.event.Violation;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.json.JsonException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays events through the deployment on virtual time. Before each event, every schedule due by
 * its time fires; after the last, time runs on to {@code until}. After every invocation, the events
 * SES published about the emails it sent are routed as EventBridge would route them (to the
 * feedback function, by the template's pattern) at the same virtual time. A handler that throws is
 * what Lambda's on-failure destination would receive: it is recorded with its reasons and the run
 * goes on. {@link #run} may be called again with later events: the run continues where it ended.
 */
public final class Simulation {

    /** The origin of the events the local SES published, as opposed to a file's name and line. */
    public static final String LOCAL_SES = "local SES";

    /** One input line, as read, or one event the local SES published. */
    public record InputEvent(String origin, String json, Map<String, Object> parsed, Instant time) {

        public boolean fromLocalSes() {
            return LOCAL_SES.equals(origin);
        }
    }

    /** What one delivery to one function did. */
    public record Delivery(InputEvent event, String function, Map<String, Object> outcome, String error,
            List<String> reasons, Instant at) {
    }

    /** What one scheduled dispatch did. */
    public record Firing(Instant at, String customerId, String messageId, Map<String, Object> outcome, String error) {
    }

    /** Capacity consumed by handling one kind of event, summed over all of them. */
    public record Usage(int count, double readUnits, double writeUnits) {
        Usage plus(double reads, double writes) {
            return new Usage(count + 1, readUnits + reads, writeUnits + writes);
        }
    }

    private final LocalDeployment deployment;
    private final EventRouter router;
    private final PrintStream progress;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Firing> firings = new ArrayList<>();
    private final List<InputEvent> unrouted = new ArrayList<>();
    private final List<Delivery> rejected = new ArrayList<>();
    private final Map<String, Usage> usage = new LinkedHashMap<>();
    private int requestIds;

    public Simulation(LocalDeployment deployment, PrintStream progress) {
        this.deployment = deployment;
        this.router = new EventRouter(deployment.functions());
        this.progress = progress;
    }

    /** Reads JSON lines; lines that are not JSON objects are kept, to be rejected in order. */
    public static List<InputEvent> read(String origin, List<String> lines) {
        List<InputEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Map<String, Object> parsed = null;
            Instant time = null;
            try {
                parsed = Json.parseObject(line);
                if (parsed.get("time") instanceof String t) {
                    time = Instant.parse(t);
                }
            } catch (JsonException | DateTimeParseException e) {
                // Kept as is: the handler rejects it with the reason.
            }
            events.add(new InputEvent(origin + ":" + (i + 1), line, parsed, time));
        }
        return events;
    }

    /** Events in time order; events without a readable time keep their place after the one before. */
    public static List<InputEvent> inTimeOrder(List<InputEvent> events) {
        List<InputEvent> ordered = new ArrayList<>(events.size());
        Instant last = Instant.MIN;
        List<Map.Entry<Instant, InputEvent>> keyed = new ArrayList<>();
        for (InputEvent event : events) {
            last = event.time() != null ? event.time() : last;
            keyed.add(Map.entry(last, event));
        }
        keyed.stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder())).forEach(e -> ordered.add(e.getValue()));
        return ordered;
    }

    public void run(List<InputEvent> events, Instant until) {
        long started = System.nanoTime();
        long lastReport = started;
        int done = 0;
        for (InputEvent event : inTimeOrder(events)) {
            if (event.time() != null) {
                fireDue(event.time());
                deployment.clock().advanceTo(event.time());
            }
            deliver(event);
            deliverSesEvents();
            done++;
            long now = System.nanoTime();
            if (now - lastReport > Duration.ofSeconds(2).toNanos()) {
                progress.printf("  ... %d/%d events, virtual time %s%n", done, events.size(), deployment.clock().instant());
                lastReport = now;
            }
        }
        fireDue(until);
        deployment.clock().advanceTo(until);
    }

    private void deliver(InputEvent event) {
        if (event.parsed() == null) {
            // Not JSON: EventBridge would never deliver it; the handlers' parser names the reason.
            String function = deployment.functions().get(0).logicalId();
            invoke(event, function);
            return;
        }
        List<String> functions = router.route(event.json());
        if (functions.isEmpty()) {
            unrouted.add(event);
            return;
        }
        for (String function : functions) {
            invoke(event, function);
        }
    }

    private void invoke(InputEvent event, String function) {
        CapacityMeter.Snapshot before = deployment.meter().snapshot();
        Invocation result = invoke(deployment.handler(function), function, event.json());
        CapacityMeter.Snapshot spent = deployment.meter().snapshot().minus(before);
        String detailType = event.parsed() != null && event.parsed().get("detail-type") instanceof String dt ? dt : "?";
        Delivery delivery = new Delivery(event, function, result.outcome(), result.error(), result.reasons(),
                deployment.clock().instant());
        deliveries.add(delivery);
        if (result.error() != null) {
            rejected.add(delivery);
        } else {
            usage.merge(detailType + " (" + state(result.outcome()) + ")", new Usage(1, spent.readUnits(), spent.writeUnits()),
                    (a, b) -> a.plus(b.readUnits(), b.writeUnits()));
        }
    }

    private void fireDue(Instant until) {
        String function = deployment.dispatchFunction();
        while (true) {
            var due = deployment.scheduler().nextDue(until);
            if (due.isEmpty()) {
                return;
            }
            LocalScheduler.Schedule schedule = due.get();
            deployment.clock().advanceTo(schedule.at());
            String input = Json.write(Map.of("customerId", schedule.customerId(), "messageId", schedule.messageId()));
            CapacityMeter.Snapshot before = deployment.meter().snapshot();
            Invocation result = invoke(deployment.handler(function), function, input);
            CapacityMeter.Snapshot spent = deployment.meter().snapshot().minus(before);
            firings.add(new Firing(schedule.at(), schedule.customerId(), schedule.messageId(), result.outcome(),
                    result.error()));
            String outcome = result.error() != null ? "failed"
                    : String.valueOf(result.outcome().get("outcome")).split(":")[0];
            usage.merge("Scheduled dispatch (" + outcome + ")", new Usage(1, spent.readUnits(), spent.writeUnits()),
                    (a, b) -> a.plus(b.readUnits(), b.writeUnits()));
            deliverSesEvents();
        }
    }

    /** What SES published since the last invocation, routed by the template's patterns, at the same virtual time. */
    private void deliverSesEvents() {
        for (List<String> published = deployment.outbox().takeSesEvents(); !published.isEmpty();
                published = deployment.outbox().takeSesEvents()) {
            for (String json : published) {
                Map<String, Object> parsed = Json.parseObject(json);
                InputEvent event = new InputEvent(LOCAL_SES, json, parsed, Instant.parse((String) parsed.get("time")));
                List<String> functions = router.route(json);
                if (functions.isEmpty()) {
                    unrouted.add(event);
                }
                for (String function : functions) {
                    invoke(event, function);
                }
            }
        }
    }

    /** How a handler's answer names what became of an event: an event function's state, else what the function did. */
    static String state(Map<String, Object> outcome) {
        if (outcome.get("state") instanceof String state) {
            return state;
        }
        return outcome.containsKey("recorded") ? "recorded" : "handled";
    }

    private record Invocation(Map<String, Object> outcome, String error, List<String> reasons) {
    }

    private Invocation invoke(RequestStreamHandler handler, String function, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                    new LocalContext(function, "local-" + (++requestIds)));
            return new Invocation(Json.parseObject(out.toString(StandardCharsets.UTF_8)), null, List.of());
        } catch (InvalidEventException e) {
            return new Invocation(Map.of(), "InvalidEventException",
                    e.violations().stream().map(Violation::toString).toList());
        } catch (IOException | RuntimeException e) {
            // What Lambda's on-failure destination would receive after its retries.
            return new Invocation(Map.of(), e.getClass().getSimpleName(), List.of(String.valueOf(e.getMessage())));
        }
    }

    public List<Delivery> deliveries() {
        return deliveries;
    }

    public List<Delivery> rejected() {
        return rejected;
    }

    public List<Firing> firings() {
        return firings;
    }

    public List<InputEvent> unrouted() {
        return unrouted;
    }

    public Map<String, Usage> usage() {
        return usage;
    }
}
