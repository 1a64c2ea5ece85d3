package dev.aftercart.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the same simulation as simulate, then keeps it running and serves, on 127.0.0.1 only, "
                + "the outbox (every email and SMS) and the real preference pages and one-click unsubscribe its "
                + "emails link to. Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port on 127.0.0.1. Default: ${DEFAULT-VALUE}; 0 picks a free one.")
    int port = LocalDeployment.DEFAULT_PORT;

    /** The simulation's deployment and the server in front of it, until closed. */
    static final class Serving implements AutoCloseable {
        private final LocalServer server;
        private final LocalRun run;
        private boolean closed;

        private Serving(LocalServer server, LocalRun run) {
            this.server = server;
            this.run = run;
        }

        String url() {
            return server.url();
        }

        LocalRun run() {
            return run;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                server.close();
            } finally {
                run.close();
            }
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream console = System.out;
        List<Simulation.InputEvent> input = options.readInput();
        if (input.isEmpty()) {
            System.err.println("no events to replay");
            return 2;
        }
        Serving serving;
        try {
            serving = start(input, console);
        } catch (BindException e) {
            System.err.printf("Port %d on 127.0.0.1 is in use; choose another with --port (0 picks a free one).%n",
                    port);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            serving.close();
            stopped.countDown();
        }, "aftercart-serve-shutdown"));
        console.printf("Serving %s on 127.0.0.1 only: the outbox at %s, each email at %semail/<messageId>, "
                + "preference pages under %s. Ctrl-C stops.%n", options.out, serving.url(), serving.url(),
                serving.run().deployment().preferencesUrl());
        stopped.await();
        return 0;
    }

    /** Binds the port, runs the simulation with emails linking to it, and starts serving. */
    Serving start(List<Simulation.InputEvent> input, PrintStream console) throws IOException {
        LocalServer server = LocalServer.bind(port);
        LocalRun run;
        try {
            run = LocalRun.start(input, options, LocalDeployment.preferencesUrl(server.port()), console);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        Serving serving = new Serving(server, run);
        try {
            console.print(run.report().summary(run.elapsedMillis()));
            console.print(run.report().preferencePagesSummary(SimulateCommand.PREFERENCE_PAGES_SHOWN,
                    "open them in a browser"));
            server.serve(run);
            return serving;
        } catch (RuntimeException e) {
            serving.close();
            throw e;
        }
    }
}
