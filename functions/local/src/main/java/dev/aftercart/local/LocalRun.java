package dev.aftercart.local;

import dev.aftercart.core.log.Log;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * One simulation, run to its end and kept standing until closed: the deployment (DynamoDB Local
 * with the state the run left), the functions' logs going to {@code logs.jsonl}, and the report
 * written. {@code simulate} closes it at once; {@code serve} keeps it for the outbox viewer and the
 * preference pages.
 */
final class LocalRun implements AutoCloseable {

    private final LocalDeployment deployment;
    private final Simulation simulation;
    private final Report report;
    private final long elapsedMillis;
    private final OutputStream logFile;
    private final Handler[] originalLogHandlers;

    private LocalRun(LocalDeployment deployment, Simulation simulation, Report report, long elapsedMillis,
            OutputStream logFile, Handler[] originalLogHandlers) {
        this.deployment = deployment;
        this.simulation = simulation;
        this.report = report;
        this.elapsedMillis = elapsedMillis;
        this.logFile = logFile;
        this.originalLogHandlers = originalLogHandlers;
    }

    /** Replays {@code input} to the end, writes the results under {@code out}; emails link to {@code preferencesUrl}. */
    static LocalRun start(List<Simulation.InputEvent> input, RunOptions options, String preferencesUrl,
            PrintStream console) throws IOException {
        long started = System.nanoTime();
        Instant first = input.stream().map(Simulation.InputEvent::time).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(Instant.parse("2026-01-01T00:00:00Z"));
        Instant last = input.stream().map(Simulation.InputEvent::time).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(first);
        Instant end = options.end(last);
        Path out = options.out;
        prepare(out);
        Handler[] original = Log.logger().getHandlers();
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
        LocalDeployment deployment = null;
        try {
            deployment = new LocalDeployment(SamTemplate.fromClasspath(), out, first, preferencesUrl);
            Simulation simulation = new Simulation(deployment, console);
            simulation.run(input, end);
            Report report = new Report(simulation, deployment, out);
            report.write();
            return new LocalRun(deployment, simulation, report, (System.nanoTime() - started) / 1_000_000, logFile,
                    original);
        } catch (RuntimeException | Error e) {
            if (deployment != null) {
                deployment.close();
            }
            restoreLogs(logFile, original);
            throw e;
        }
    }

    LocalDeployment deployment() {
        return deployment;
    }

    Simulation simulation() {
        return simulation;
    }

    Report report() {
        return report;
    }

    long elapsedMillis() {
        return elapsedMillis;
    }

    @Override
    public void close() {
        try {
            deployment.close();
        } finally {
            restoreLogs(logFile, originalLogHandlers);
        }
    }

    private static void restoreLogs(OutputStream logFile, Handler[] original) {
        for (Handler handler : Log.logger().getHandlers()) {
            Log.logger().removeHandler(handler);
        }
        for (Handler handler : original) {
            Log.logger().addHandler(handler);
        }
        try {
            logFile.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh output directory: last run's outbox would otherwise mix with this one's. */
    private static void prepare(Path out) {
        try {
            Path outbox = out.resolve("outbox");
            if (Files.exists(outbox)) {
                try (var files = Files.walk(outbox)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> {
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
