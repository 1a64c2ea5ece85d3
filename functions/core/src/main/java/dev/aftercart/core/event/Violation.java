package dev.aftercart.core.event;

/**
 * One broken rule of the event contract: the field's path (e.g. {@code detail.items[0].unitPrice})
 * and the rule it broke. Never carries the offending value, which may be personal data.
 */
public record Violation(String field, String rule) {

    @Override
    public String toString() {
        return field + ": " + rule;
    }
}
