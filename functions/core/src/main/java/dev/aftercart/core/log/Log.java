package dev.aftercart.core.log;

import dev.aftercart.core.json.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import java.util.regex.Pattern;

/**
 * Structured JSON logs, one object per line, through {@code java.util.logging} (no framework on
 * the cold-start path). Fields are ids, statuses, reasons and counts, never personal data; as a
 * second guard, any value shaped like an email address or a phone number is redacted.
 *
 * <p>{@link #metric} writes CloudWatch Embedded Metric Format, so a metric costs no API call.
 */
public final class Log {

    public static final String LOGGER_NAME = "aftercart";
    public static final String NAMESPACE = "Aftercart";
    static final String REDACTED = "[redacted]";

    private static final Pattern EMAIL_LIKE = Pattern.compile("[^\\s@\"]+@[^\\s@\"]+\\.[^\\s@\"]+");
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Logger LOGGER = configure();

    private Log() {
    }

    private static Logger configure() {
        Logger logger = Logger.getLogger(LOGGER_NAME);
        logger.setUseParentHandlers(false);
        if (logger.getHandlers().length == 0) {
            logger.addHandler(new JsonLineHandler(System.out));
        }
        logger.setLevel(Level.INFO);
        return logger;
    }

    public static Logger logger() {
        return LOGGER;
    }

    public static void info(String event, Object... fields) {
        log(Level.INFO, event, fields);
    }

    public static void warn(String event, Object... fields) {
        log(Level.WARNING, event, fields);
    }

    public static void error(String event, Object... fields) {
        log(Level.SEVERE, event, fields);
    }

    /**
     * One metric as an EMF record, with its dimensions as fields. It is published both per
     * dimension set and without dimensions, so one alarm can watch the total; a metric without
     * dimensions names the empty set once, or CloudWatch would count each value twice.
     */
    public static void metric(String name, double value, String unit, Map<String, String> dimensions,
            java.time.Instant at) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("_aws", Map.of(
                "Timestamp", at.toEpochMilli(),
                "CloudWatchMetrics", java.util.List.of(Map.of(
                        "Namespace", NAMESPACE,
                        "Dimensions", dimensions.isEmpty() ? java.util.List.of(java.util.List.of())
                                : java.util.List.of(java.util.List.copyOf(dimensions.keySet()), java.util.List.of()),
                        "Metrics", java.util.List.of(Map.of("Name", name, "Unit", unit))))));
        dimensions.forEach((k, v) -> record.put(k, redact(v)));
        record.put(name, value);
        LOGGER.log(Level.INFO, Json.write(record));
    }

    private static void log(Level level, String event, Object... fields) {
        if (!LOGGER.isLoggable(level)) {
            return;
        }
        LOGGER.log(level, format(level, event, fields));
    }

    static String format(Level level, String event, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("log fields come in name, value pairs");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("level", level == Level.SEVERE ? "ERROR" : level == Level.WARNING ? "WARN" : level.getName());
        record.put("event", event);
        for (int i = 0; i < fields.length; i += 2) {
            Object value = fields[i + 1];
            record.put(String.valueOf(fields[i]), redactValue(value));
        }
        return Json.write(record);
    }

    private static Object redactValue(Object value) {
        return switch (value) {
            case String s -> redact(s);
            case java.util.Collection<?> list -> list.stream().map(Log::redactValue).toList();
            case Map<?, ?> map -> {
                Map<Object, Object> redacted = new LinkedHashMap<>();
                map.forEach((k, v) -> redacted.put(k, redactValue(v)));
                yield redacted;
            }
            case null, default -> value;
        };
    }

    static String redact(String value) {
        if (value == null) {
            return null;
        }
        String out = EMAIL_LIKE.matcher(value).replaceAll(REDACTED);
        return PHONE_LIKE.matcher(out).replaceAll(REDACTED);
    }

    /** Writes each record's message, already JSON, as one line. */
    static final class JsonLineHandler extends StreamHandler {

        JsonLineHandler(PrintStream out) {
            super(out, new Formatter() {
                @Override
                public String format(LogRecord record) {
                    return record.getMessage() + System.lineSeparator();
                }
            });
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }
    }

    /** For tests and the local runner: route the log lines somewhere else. */
    public static void replaceHandlers(Handler handler) {
        for (Handler existing : LOGGER.getHandlers()) {
            LOGGER.removeHandler(existing);
        }
        LOGGER.addHandler(handler);
    }
}
