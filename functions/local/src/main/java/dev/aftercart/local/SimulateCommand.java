package dev.aftercart.local;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Replays EventBridge events (JSON lines) through the real handlers on virtual time and "
                + "writes what was sent, the ledger, rejected events and a report.")
final class SimulateCommand implements Callable<Integer> {

    /** How many customers' preference pages the summary names; report.html has them all. */
    static final int PREFERENCE_PAGES_SHOWN = 5;

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() throws IOException {
        PrintStream console = System.out;
        List<Simulation.InputEvent> input = options.readInput();
        if (input.isEmpty()) {
            System.err.println("no events to replay");
            return 2;
        }
        try (LocalRun run = LocalRun.start(input, options, LocalDeployment.DEFAULT_PREFERENCES_URL, console)) {
            console.print(run.report().summary(run.elapsedMillis()));
            console.print(run.report().preferencePagesSummary(PREFERENCE_PAGES_SHOWN,
                    "./aftercart serve, or aftercart-local serve, runs this again and opens them"));
            console.printf("Wrote %s (ledger.jsonl, rejected.jsonl, report.html, logs.jsonl, outbox/)%n", options.out);
        }
        return 0;
    }
}
