package dev.aftercart.benchmarks;

import dev.aftercart.core.log.Log;
import java.io.OutputStream;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * The engine's log lines are still built as on Lambda (JSON, redaction, one line each) but written
 * nowhere: printed, they would time the terminal and flood JMH's output.
 */
final class DiscardedLogs {

    private DiscardedLogs() {
    }

    static void install() {
        StreamHandler discard = new StreamHandler(OutputStream.nullOutputStream(), new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        });
        discard.setLevel(Level.ALL);
        Log.replaceHandlers(discard);
    }
}
