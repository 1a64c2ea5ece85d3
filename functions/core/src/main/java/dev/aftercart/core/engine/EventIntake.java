package dev.aftercart.core.engine;

import dev.aftercart.core.event.Envelope;
import dev.aftercart.core.event.EventParser;
import dev.aftercart.core.event.InvalidEventException;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.event.Violation;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.json.JsonException;
import dev.aftercart.core.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What every event Lambda does: read the envelope, validate the detail, hand it to the engine.
 * An invalid event is logged by id and reason (never content) and thrown, so it reaches the
 * function's failure destination with that reason.
 */
public final class EventIntake {

    private final EventParser parser;
    private final JourneyEngine engine;

    public EventIntake(EventParser parser, JourneyEngine engine) {
        this.parser = parser;
        this.engine = engine;
    }

    public EventOutcome accept(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, Object> json;
        try {
            json = Json.parseObject(text);
        } catch (JsonException e) {
            throw rejected(null, new InvalidEventException(List.of(new Violation("$", "must be a JSON object: " + e.getMessage()))));
        }
        return accept(json);
    }

    public EventOutcome accept(Map<String, Object> json) {
        Envelope envelope;
        try {
            envelope = parser.envelope(json);
        } catch (InvalidEventException e) {
            throw rejected(json.get("id") instanceof String id ? id : null, e);
        }
        ShopEvent event;
        try {
            event = parser.parse(envelope);
        } catch (InvalidEventException e) {
            throw rejected(envelope.id(), e);
        }
        return engine.handle(envelope.id(), event);
    }

    private static InvalidEventException rejected(String eventId, InvalidEventException e) {
        Log.warn("event_rejected", "eventId", eventId, "violations",
                e.violations().stream().map(Violation::toString).toList());
        return e;
    }
}
