package dev.aftercart.core.journey;

import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journey definitions, read once from {@code journeys/journeys.json} on the classpath.
 * A malformed file fails at cold start, naming the journey and the field, not at the first send.
 */
public final class JourneyCatalog {

    public static final String RESOURCE = "journeys/journeys.json";

    private final Map<String, Journey> byId;

    public JourneyCatalog(List<Journey> journeys) {
        Map<String, Journey> map = new LinkedHashMap<>();
        for (Journey journey : journeys) {
            if (map.put(journey.id(), journey) != null) {
                throw new IllegalArgumentException("journey id " + journey.id() + " is defined twice");
            }
        }
        // Unmodifiable but still in file order: triggeredBy() promises it, and Map.copyOf would not keep it.
        this.byId = Collections.unmodifiableMap(map);
    }

    public static JourneyCatalog fromClasspath() {
        try (InputStream in = JourneyCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JourneyCatalog parse(String json) {
        Map<String, Object> root = Json.parseObject(json);
        List<Journey> journeys = new ArrayList<>();
        for (Object item : list(root, "journeys", "journeys.json")) {
            journeys.add(journey(object(item, "journeys.json: journeys")));
        }
        return new JourneyCatalog(journeys);
    }

    public Optional<Journey> journey(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Journeys triggered by this detail-type, in file order. */
    public List<Journey> triggeredBy(String detailType) {
        return byId.values().stream().filter(j -> j.trigger().equals(detailType)).toList();
    }

    public List<Journey> all() {
        return List.copyOf(byId.values());
    }

    private static Journey journey(Map<String, Object> map) {
        String id = string(map, "id", "journey");
        String where = "journey " + id;
        String trigger = string(map, "trigger", where);
        MessageKind kind = parseEnum(string(map, "kind", where), where + ".kind", MessageKind::fromId);
        List<JourneyStep> steps = new ArrayList<>();
        for (Object item : list(map, "steps", where)) {
            steps.add(step(object(item, where + ": steps"), where));
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException(where + ": steps must not be empty");
        }
        List<ExitCondition> exits = new ArrayList<>();
        for (Object item : list(map, "exitWhen", where)) {
            exits.add(parseEnum(item instanceof String s ? s : null, where + ".exitWhen", ExitCondition::fromId));
        }
        return new Journey(id, trigger, kind, steps, exits);
    }

    private static JourneyStep step(Map<String, Object> map, String journey) {
        String id = string(map, "id", journey + " step");
        String where = journey + " step " + id;
        Duration after = duration(map.getOrDefault("after", "PT0S"), where + ".after");
        Object expires = map.get("expiresAfter");
        Duration expiresAfter = expires == null ? null : duration(expires, where + ".expiresAfter");
        List<Channel> channels = new ArrayList<>();
        for (Object channel : list(map, "channels", where)) {
            channels.add(parseEnum(channel instanceof String s ? s : null, where + ".channels", Channel::fromId));
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException(where + ": channels must name email, sms or both");
        }
        return new JourneyStep(id, after, channels, string(map, "template", where), expiresAfter);
    }

    /** The array at {@code field}, empty when absent; a wrong type fails naming where it is, not as a ClassCastException. */
    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> map, String field, String where) {
        Object value = map.getOrDefault(field, List.of());
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException(where + ": " + field + " must be an array");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + " must hold objects");
    }

    private static String string(Map<String, Object> map, String field, String where) {
        if (map.get(field) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException(where + ": " + field + " is required");
    }

    private static Duration duration(Object value, String where) {
        try {
            return Duration.parse((String) value);
        } catch (DateTimeParseException | ClassCastException e) {
            throw new IllegalArgumentException(where + " must be an ISO 8601 duration such as \"P7D\"", e);
        }
    }

    private static <E> E parseEnum(String value, String where, java.util.function.Function<String, E> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(where + ": unknown value " + value, e);
        }
    }
}
