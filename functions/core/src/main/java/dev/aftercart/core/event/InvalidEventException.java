package dev.aftercart.core.event;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An event that breaks the contract. Its message names every field and rule, so the failure
 * destination says exactly why the event was rejected.
 */
public final class InvalidEventException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidEventException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return "invalid event: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
