package dev.aftercart.benchmarks;

import dev.aftercart.core.event.EventParser;
import dev.aftercart.core.event.OrderPlaced;
import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract's sample {@code Order Placed} events ({@code infra/events/samples/}), shipped in
 * this jar under {@code samples/}: one per language the templates ship.
 */
final class Samples {

    /** Five seconds after the sample happened: its messages are due now, as when the event arrives. */
    static final long ARRIVAL_DELAY_SECONDS = 5;

    private static final Pattern TIME = Pattern.compile("\"time\"\\s*:\\s*\"([^\"]+)\"");

    private Samples() {
    }

    /** The envelope as EventBridge delivers it, e.g. {@code orderPlaced("en-US")}. */
    static String orderPlaced(String locale) {
        String resource = "samples/order-placed." + locale + ".json";
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OrderPlaced parsed(String envelope) {
        return (OrderPlaced) EventParser.forAllDetailTypes().parse(Json.parseObject(envelope));
    }

    /**
     * A clock standing just after the envelope's {@code time}, so nothing the event plans is too late
     * or not yet due. Read without the project's JSON reader, so a cold-start fork has not loaded it
     * before the measurement.
     */
    static Clock arrivalOf(String envelope) {
        Matcher time = TIME.matcher(envelope);
        if (!time.find()) {
            throw new IllegalArgumentException("the sample has no envelope time");
        }
        return Clock.fixed(Instant.parse(time.group(1)).plusSeconds(ARRIVAL_DELAY_SECONDS), ZoneOffset.UTC);
    }
}
