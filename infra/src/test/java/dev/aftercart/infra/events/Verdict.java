package dev.aftercart.infra.events;

import java.util.Set;

/**
 * What one side of the contract, the JSON Schema or the parser, made of an event: accepted, or
 * rejected naming these fields (e.g. {@code detail.items[0].unitPrice}), with its own words for why.
 */
record Verdict(boolean accepted, Set<String> fields, String explanation) {

    static Verdict accept() {
        return new Verdict(true, Set.of(), "accepted");
    }

    static Verdict reject(Set<String> fields, String explanation) {
        return new Verdict(false, Set.copyOf(fields), explanation);
    }

    @Override
    public String toString() {
        return explanation;
    }
}
