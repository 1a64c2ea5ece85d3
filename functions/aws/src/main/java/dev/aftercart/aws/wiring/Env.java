package dev.aftercart.aws.wiring;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads configuration from environment variables once, at cold start, and fails fast naming the
 * missing variable. It remembers every name it was asked for, so a test can prove the template
 * sets each variable the code reads.
 */
public final class Env {

    private final Function<String, String> source;
    private final Set<String> read = new LinkedHashSet<>();

    public Env(Function<String, String> source) {
        this.source = source;
    }

    public static Env system() {
        return new Env(System::getenv);
    }

    public static Env of(Map<String, String> values) {
        return new Env(values::get);
    }

    public String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw new IllegalStateException("environment variable " + name + " is required but not set");
        }
        return value;
    }

    /** The value, or {@code null} when unset or blank. */
    public String optional(String name) {
        read.add(name);
        String value = source.apply(name);
        return value == null || value.isBlank() ? null : value;
    }

    public String optional(String name, String fallback) {
        String value = optional(name);
        return value == null ? fallback : value;
    }

    /** Every variable name read so far, in the order first read. */
    public Set<String> namesRead() {
        return Set.copyOf(read);
    }
}
