package dev.aftercart.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What to replay and for how long: the options {@code simulate} and {@code serve} share. */
final class RunOptions {

    /**
     * The default input: the story in infra/events/simulate/samples.jsonl, whose customers include
     * two with the SES mailbox simulator's bounce and complaint addresses.
     */
    static final List<String> BUNDLED = List.of("aftercart/samples.jsonl");

    @Option(names = "--events", paramLabel = "FILE",
            description = "JSON lines of full EventBridge envelopes; repeatable. Default: the bundled samples.")
    List<Path> events = new ArrayList<>();

    @Option(names = "--until", paramLabel = "INSTANT|DURATION",
            description = "Run virtual time to this ISO-8601 instant, or this long after the last event "
                    + "(e.g. P30D). Default: P90D.")
    String until = "P90D";

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path out = Path.of("aftercart-out");

    List<Simulation.InputEvent> readInput() throws IOException {
        List<Simulation.InputEvent> input = new ArrayList<>();
        if (events.isEmpty()) {
            for (String resource : BUNDLED) {
                input.addAll(Simulation.read(resource.substring(resource.indexOf('/') + 1), bundled(resource)));
            }
        }
        for (Path file : events) {
            input.addAll(Simulation.read(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        return input;
    }

    static List<String> bundled(String resource) throws IOException {
        try (InputStream in = RunOptions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the runner");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
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
}
