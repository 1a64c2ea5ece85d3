package dev.aftercart.core.journey;

import java.util.List;

/** A journey as the store owner defines it in {@code journeys/journeys.json}. */
public record Journey(String id, String trigger, MessageKind kind, List<JourneyStep> steps, List<ExitCondition> exitWhen) {

    public Journey {
        steps = List.copyOf(steps);
        exitWhen = List.copyOf(exitWhen);
    }

    public JourneyStep step(String stepId) {
        return steps.stream()
                .filter(s -> s.id().equals(stepId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("journey " + id + " has no step " + stepId));
    }
}
