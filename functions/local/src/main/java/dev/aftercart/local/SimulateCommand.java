package dev.aftercart.local;

import dev.aftercart.core.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Replays EventBridge events (JSON lines) through the real handlers on virtual time and "
                + "writes what was sent, the ledger, rejected events and a report.")
final class SimulateCommand implements Callable<Integer> {

    static final String BUNDLED = "aftercart/samples.jsonl";

    @Option(names = "--events", paramLabel = "FILE",
            description = "JSON lines of full EventBridge envelopes; repeatable. Default: the bundled samples.")
    List<Path> events = new ArrayList<>();

    @Option(names = "--until", paramLabel = "INSTANT|DURATION",
            description = "Run virtual time to this ISO-8601 instant, or this long after the last event "
                    + "(e.g. P30D). Default: P90D.")
    String until = "P90D";

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path out = Path.of("aftercart-out");

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        PrintStream console = System.out;
        List<Simulation.InputEvent> input = readInput();
        if (input.isEmpty()) {
            System.err.println("no events to replay");
            return 2;
        }
        Instant first = input.stream().map(Simulation.InputEvent::time).filter(t -> t != null).min(Instant::compareTo)
                .orElse(Instant.parse("2026-01-01T00:00:00Z"));
        Instant last = input.stream().map(Simulation.InputEvent::time).filter(t -> t != null).max(Instant::compareTo)
                .orElse(first);
        Instant end = end(last);
        prepare(out);
        OutputStream logFile = Files.newOutputStream(out.resolve("logs.jsonl"));
        Log.replaceHandlers(new StreamHandler(logFile, new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        }) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        });
        console.printf("Aftercart simulate: %d events, virtual time %s to %s%n", input.size(), first, end);
        TemplateModel template = TemplateModel.withDefaults(SamTemplate.fromClasspath());
        try (LocalDeployment deployment = new LocalDeployment(template, out, first)) {
            Simulation simulation = new Simulation(deployment, console);
            simulation.run(input, end);
            Report report = new Report(simulation, deployment, out);
            report.write();
            console.print(report.summary((System.nanoTime() - started) / 1_000_000));
            console.printf("Wrote %s (ledger.jsonl, rejected.jsonl, report.html, logs.jsonl, outbox/)%n", out);
        } finally {
            logFile.close();
        }
        return 0;
    }

    private List<Simulation.InputEvent> readInput() throws IOException {
        List<Simulation.InputEvent> input = new ArrayList<>();
        if (events.isEmpty()) {
            try (InputStream in = SimulateCommand.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing from the runner");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                input.addAll(Simulation.read("samples.jsonl", text.lines().toList()));
            }
        }
        for (Path file : events) {
            input.addAll(Simulation.read(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        return input;
    }

    Instant end(Instant lastEvent) {
        try {
            return Instant.parse(until);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return lastEvent.plus(Duration.parse(until));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--until must be an ISO-8601 instant (2026-12-01T00:00:00Z) "
                        + "or duration (P30D), not " + until, e);
            }
        }
    }

    /** A fresh output directory: last run's outbox would otherwise mix with this one's. */
    private static void prepare(Path out) {
        try {
            Path outbox = out.resolve("outbox");
            if (Files.exists(outbox)) {
                try (var files = Files.walk(outbox)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                        try {
                            Files.delete(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
