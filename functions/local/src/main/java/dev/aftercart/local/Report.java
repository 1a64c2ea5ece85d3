package dev.aftercart.local;

import dev.aftercart.aws.ses.SesEventParser;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.ledger.LedgerEntry;
import dev.aftercart.core.ledger.MessageStatus;
import dev.aftercart.core.render.EmailTags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The run's results: {@code ledger.jsonl} (every message and why it ended as it did),
 * {@code rejected.jsonl} (each rejected event with its reasons), {@code report.html} (a
 * timeline per customer) and the summary printed at the end.
 */
public final class Report {

    private final Simulation simulation;
    private final LocalDeployment deployment;
    private final Path outDir;
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final Map<String, String> preferencePages = new LinkedHashMap<>();

    public Report(Simulation simulation, LocalDeployment deployment, Path outDir) {
        this.simulation = simulation;
        this.deployment = deployment;
        this.outDir = outDir;
        for (String customerId : customers()) {
            ledger.addAll(deployment.ledger().forCustomer(customerId));
            if (deployment.customers().profile(customerId).isPresent()) {
                preferencePages.put(customerId, deployment.preferenceLink(customerId));
            }
        }
        ledger.sort(Comparator.comparing(LedgerEntry::createdAt).thenComparing(LedgerEntry::messageId));
    }

    /** Each customer's preference page, as a link in an email sent at the end of the run would open it. */
    public Map<String, String> preferencePages() {
        return preferencePages;
    }

    public List<LedgerEntry> ledger() {
        return ledger;
    }

    /** Every customer the run touched, in order of first appearance. */
    Set<String> customers() {
        Set<String> ids = new LinkedHashSet<>();
        for (Simulation.Delivery delivery : simulation.deliveries()) {
            String id = customerId(delivery.event().parsed());
            if (id != null) {
                ids.add(id);
            }
        }
        simulation.firings().forEach(f -> ids.add(f.customerId()));
        return ids;
    }

    @SuppressWarnings("unchecked")
    static String customerId(Map<String, Object> event) {
        if (event == null || !(event.get("detail") instanceof Map<?, ?> detail)) {
            return null;
        }
        if (detail.get("customerId") instanceof String id) {
            return id;
        }
        if (detail.get("customer") instanceof Map<?, ?> customer && customer.get("customerId") instanceof String id) {
            return id;
        }
        // An SES event names the customer in the tag the email was sent with.
        if (detail.get("mail") instanceof Map<?, ?> mail && mail.get("tags") instanceof Map<?, ?> tags
                && tags.get(SesEventParser.CUSTOMER_TAG) instanceof List<?> values && !values.isEmpty()
                && values.get(0) instanceof String tag) {
            return EmailTags.decode(tag);
        }
        return null;
    }

    public void write() {
        try {
            Files.createDirectories(outDir);
            StringBuilder lines = new StringBuilder();
            for (LedgerEntry entry : ledger) {
                lines.append(Json.write(ledgerJson(entry))).append('\n');
            }
            Files.writeString(outDir.resolve("ledger.jsonl"), lines, StandardCharsets.UTF_8);
            StringBuilder rejected = new StringBuilder();
            for (Simulation.Delivery delivery : simulation.rejected()) {
                rejected.append(Json.write(rejectedJson(delivery))).append('\n');
            }
            Files.writeString(outDir.resolve("rejected.jsonl"), rejected, StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve("report.html"), new HtmlReport(this, simulation).render(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> ledgerJson(LedgerEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customerId", entry.customerId());
        json.put("messageId", entry.messageId());
        json.put("journey", entry.journeyId());
        json.put("step", entry.stepId());
        json.put("channel", entry.channel().id());
        json.put("kind", entry.kind().id());
        json.put("subject", new TreeMap<>(entry.subject()));
        json.put("status", entry.status().id());
        json.put("reason", entry.reason());
        json.put("dueAt", String.valueOf(entry.dueAt()));
        json.put("attempts", entry.attempts());
        json.put("smsSegments", entry.smsSegments());
        json.put("createdAt", String.valueOf(entry.createdAt()));
        json.put("updatedAt", String.valueOf(entry.updatedAt()));
        json.put("feedback", entry.feedback());
        json.put("outbox", entry.status() == MessageStatus.SENT && entry.channel().id().equals("email")
                ? deployment.outbox().emailFile(entry.messageId())
                : null);
        return json;
    }

    static Map<String, Object> rejectedJson(Simulation.Delivery delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> event = delivery.event().parsed();
        json.put("input", delivery.event().origin());
        json.put("eventId", event != null ? event.get("id") : null);
        json.put("detailType", event != null ? event.get("detail-type") : null);
        json.put("function", delivery.function());
        json.put("error", delivery.error());
        json.put("reasons", delivery.reasons());
        json.put("event", event != null ? event : delivery.event().json());
        return json;
    }

    /** Per journey: sent by channel, skipped and failed by reason; then rejected and duplicate events. */
    public String summary(long elapsedMillis) {
        StringBuilder out = new StringBuilder();
        Map<String, Map<String, Integer>> byJourney = new TreeMap<>();
        for (LedgerEntry entry : ledger) {
            String outcome = switch (entry.status()) {
                case SENT -> "sent " + entry.channel().id();
                case SKIPPED, FAILED, CANCELLED, HELD -> entry.status().id() + " " + entry.channel().id() + " ("
                        + entry.reason() + ")";
                default -> entry.status().id() + " " + entry.channel().id();
            };
            byJourney.computeIfAbsent(entry.journeyId(), k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        }
        out.append("Journeys\n");
        if (byJourney.isEmpty()) {
            out.append("  (no messages)\n");
        }
        byJourney.forEach((journey, counts) -> {
            out.append("  ").append(journey).append('\n');
            counts.forEach((outcome, n) -> out.append(String.format("    %-56s %5d%n", outcome, n)));
        });
        long events = simulation.deliveries().stream().map(Simulation.Delivery::event)
                .filter(e -> !e.fromLocalSes()).distinct().count();
        long duplicates = simulation.deliveries().stream()
                .filter(d -> "duplicate".equals(d.outcome().get("state")))
                .count();
        long stale = simulation.deliveries().stream().filter(d -> "stale".equals(d.outcome().get("state"))).count();
        out.append(String.format("Events%n  %-58s %5d%n  %-58s %5d%n  %-58s %5d%n  %-58s %5d%n  %-58s %5d%n",
                "delivered", events, "duplicates (nothing sent twice)", duplicates, "stale (recorded, nothing sent)",
                stale, "rejected (see rejected.jsonl)", simulation.rejected().size(), "matched no rule",
                simulation.unrouted().size()));
        for (Simulation.Delivery delivery : simulation.rejected()) {
            out.append("    ").append(delivery.event().origin()).append(": ")
                    .append(String.join("; ", delivery.reasons())).append('\n');
        }
        Map<String, Integer> ses = new LinkedHashMap<>();
        simulation.deliveries().stream().filter(d -> d.event().fromLocalSes()).forEach(d -> ses.merge(
                String.valueOf(d.event().parsed().get("detail-type")) + (d.error() != null ? " (rejected)" : ""), 1,
                Integer::sum));
        out.append("SES events (the local SES's, routed by the template's rule to the feedback function)\n");
        if (ses.isEmpty()) {
            out.append("  (none)\n");
        }
        ses.forEach((type, n) -> out.append(String.format("  %-58s %5d%n", type, n)));
        out.append(String.format("Schedules%n  %-58s %5d%n  %-58s %5d%n  %-58s %5d%n", "created",
                deployment.scheduler().created(), "fired", simulation.firings().size(), "cancelled",
                deployment.scheduler().cancelled()));
        out.append("DynamoDB capacity per event (ConsumedCapacity from DynamoDB Local)\n");
        simulation.usage().forEach((kind, usage) -> out.append(String.format("  %-44s %6.1f RCU %6.1f WCU  (avg of %d)%n",
                kind, usage.readUnits() / usage.count(), usage.writeUnits() / usage.count(), usage.count())));
        out.append(String.format("Outbox: %d emails, %d SMS, %d events for the store's systems in %s%n",
                deployment.outbox().emails(), deployment.outbox().texts(), deployment.outbox().events(),
                outDir.resolve("outbox")));
        out.append(String.format("Virtual time ended at %s; run took %d ms%n", deployment.clock().instant(),
                elapsedMillis));
        return out.toString();
    }

    /**
     * A few lines naming each customer's preference page ({@code limit} at most; the rest are in
     * report.html), and how to open them.
     */
    public String preferencePagesSummary(int limit, String howToOpen) {
        StringBuilder out = new StringBuilder("Preference pages (").append(howToOpen).append(")\n");
        if (preferencePages.isEmpty()) {
            return out.append("  (no customers)\n").toString();
        }
        preferencePages.entrySet().stream().limit(limit)
                .forEach(page -> out.append(String.format("  %-10s %s%n", page.getKey(), page.getValue())));
        if (preferencePages.size() > limit) {
            out.append(String.format("  ... and %d more in report.html%n", preferencePages.size() - limit));
        }
        return out.toString();
    }

    /** For the HTML report: every ledger entry of one customer. */
    List<LedgerEntry> ledgerOf(String customerId) {
        return ledger.stream().filter(e -> e.customerId().equals(customerId)).toList();
    }

    Instant end() {
        return deployment.clock().instant();
    }
}
