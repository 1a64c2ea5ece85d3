package dev.aftercart.infra.it;

import dev.aftercart.core.log.Log;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What every emulator IT is extended with: it runs the test only when {@link Emulator} found an
 * emulator, and hands it the run's {@link EmulatorStack}, one per JVM, deleted when the run ends.
 *
 * <p>The JVM prints exactly one line about the emulator: why the ITs skip and how to run them, or
 * what they run against and where the functions' logs went (a file, so the build log stays readable).
 */
final class EmulatorExtension implements ExecutionCondition, ParameterResolver {

    static final Path FUNCTION_LOGS = Path.of("target", "emulator-it", "functions.jsonl");

    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return switch (Emulator.choice()) {
            case Emulator.Choice.Skip skip -> {
                announce(skip.line());
                yield ConditionEvaluationResult.disabled(skip.line());
            }
            case Emulator.Choice.Use use -> {
                if (ANNOUNCED.compareAndSet(false, true)) {
                    captureFunctionLogs();
                    System.out.println("Emulator ITs run against " + use.emulator().description()
                            + "; the functions' logs are in infra/" + FUNCTION_LOGS + ".");
                }
                yield ConditionEvaluationResult.enabled("running against " + use.emulator().description());
            }
        };
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmulatorStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Emulator emulator = switch (Emulator.choice()) {
            case Emulator.Choice.Use use -> use.emulator();
            case Emulator.Choice.Skip skip -> throw new ParameterResolutionException(skip.line());
        };
        // The root store closes it (AutoCloseable) once every test class of the run has finished.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(EmulatorStack.class, type -> new EmulatorStack(emulator), EmulatorStack.class);
    }

    private static void announce(String line) {
        if (ANNOUNCED.compareAndSet(false, true)) {
            System.out.println(line);
        }
    }

    /** The functions log JSON lines to stdout on Lambda; here they go to a file, one line each. */
    private static void captureFunctionLogs() {
        try {
            Files.createDirectories(FUNCTION_LOGS.getParent());
            OutputStream out = Files.newOutputStream(FUNCTION_LOGS);
            StreamHandler file = new StreamHandler(out, new Formatter() {
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
            };
            file.setLevel(Level.ALL);
            Log.replaceHandlers(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
