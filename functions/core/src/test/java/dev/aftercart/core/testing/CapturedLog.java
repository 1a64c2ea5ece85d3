package dev.aftercart.core.testing;

import dev.aftercart.core.log.Log;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Captures Aftercart's log lines instead of printing them; {@link #close} puts the original
 * handlers back. Use it in try-with-resources.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler[] original;

    private CapturedLog() {
        original = Log.logger().getHandlers();
        setLevel(Level.ALL);
    }

    public static CapturedLog start() {
        CapturedLog captured = new CapturedLog();
        Log.replaceHandlers(captured);
        return captured;
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getMessage());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Log.logger().removeHandler(this);
        for (Handler handler : original) {
            Log.logger().addHandler(handler);
        }
    }
}
