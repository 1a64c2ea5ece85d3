package dev.aftercart.core.journey;

import java.util.List;
import java.util.stream.Stream;

/**
 * A journey as the store owner defines it in {@code journeys/journeys.json}.
 *
 * @param when the trigger facts the journey needs, e.g. {@code {"status": ["delivered"]}}
 * @param productsPerMessage when above 0, one message per group of at most this many products of
 *     the trigger (grouped by when they fall due), instead of one per trigger
 * @param aboutWholeOrder whether messages are about every product of the order, rather than only
 *     the trigger's (a shipment's) products
 */
public record Journey(
        String id,
        String trigger,
        MessageKind kind,
        Condition when,
        int productsPerMessage,
        boolean aboutWholeOrder,
        List<JourneyStep> steps,
        List<ExitCondition> exitWhen) {

    public Journey {
        steps = List.copyOf(steps);
        exitWhen = List.copyOf(exitWhen);
    }

    public Journey(String id, String trigger, MessageKind kind, List<JourneyStep> steps, List<ExitCondition> exitWhen) {
        this(id, trigger, kind, Condition.ALWAYS, 0, false, steps, exitWhen);
    }

    public JourneyStep step(String stepId) {
        return steps.stream()
                .filter(s -> s.id().equals(stepId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("journey " + id + " has no step " + stepId));
    }

    /** The journey's and the step's exit conditions together. */
    public List<ExitCondition> exitsOf(JourneyStep step) {
        return Stream.concat(exitWhen.stream(), step.exitWhen().stream()).distinct().toList();
    }
}
