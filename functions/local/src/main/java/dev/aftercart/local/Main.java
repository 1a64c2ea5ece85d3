package dev.aftercart.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar aftercart-local.jar simulate|serve ...}: the embedded default. */
@Command(name = "aftercart-local", mixinStandardHelpOptions = true, version = "Aftercart local 0.1.0",
        description = "Runs Aftercart on this machine: DynamoDB Local, a virtual clock and an outbox.",
        subcommands = {SimulateCommand.class, ServeCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
