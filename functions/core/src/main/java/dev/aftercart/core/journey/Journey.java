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
 * @param key which of the trigger's business keys makes a message unique: {@code event} (one per
 *     triggering fact), {@code customer} (once per customer), or another the trigger offers
 * @param topic the preference-page topic that can turn the journey off, or {@code null} for none
 */
public record Journey(
        String id,
        String trigger,
        MessageKind kind,
        Condition when,
        int productsPerMessage,
        boolean aboutWholeOrder,
        String key,
        String topic,
        List<JourneyStep> steps,
        List<ExitCondition> exitWhen) {

    public static final String EVENT_KEY = "event";

    public Journey {
        steps = List.copyOf(steps);
        exitWhen = List.copyOf(exitWhen);
        key = key == null ? EVENT_KEY : key;
    }

    public Journey(String id, String trigger, MessageKind kind, List<JourneyStep> steps, List<ExitCondition> exitWhen) {
        this(id, trigger, kind, Condition.ALWAYS, 0, false, EVENT_KEY, null, steps, exitWhen);
    }

    /** The per-product wait of its steps, which decides how products are grouped into messages. */
    public ProductDays productDays() {
        return steps.stream().map(JourneyStep::plus).filter(p -> p != ProductDays.NONE).findFirst()
                .orElse(ProductDays.NONE);
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
