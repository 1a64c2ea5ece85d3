package dev.aftercart.core.journey;

import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The journey definitions, read once from {@code journeys/journeys.json} on the classpath.
 * A malformed file fails at cold start, naming the journey and the field, not at the first send.
 */
public final class JourneyCatalog {

    private static final Pattern JOURNEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

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
        if (!JOURNEY_ID.matcher(id).matches()) {
            // It tags every email for SES, whose tag values allow only these, and names metrics.
            throw new IllegalArgumentException("journey " + id + ": id must be 1 to 64 ASCII letters, digits, '-' or '_'");
        }
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
        Set<String> stepIds = new HashSet<>();
        for (JourneyStep step : steps) {
            if (!stepIds.add(step.id())) {
                throw new IllegalArgumentException(where + ": step id " + step.id() + " is used twice");
            }
        }
        Condition when = Condition.parse(map.get("when"), where + ".when");
        int perMessage = 0;
        Object perProduct = map.get("productsPerMessage");
        if (perProduct != null) {
            if (!(perProduct instanceof Number n) || n.intValue() < 1 || n.intValue() > 10) {
                throw new IllegalArgumentException(where + ".productsPerMessage must be a number from 1 to 10");
            }
            perMessage = n.intValue();
        }
        Object about = map.getOrDefault("products", "trigger");
        if (!"trigger".equals(about) && !"order".equals(about)) {
            throw new IllegalArgumentException(where + ".products must be \"trigger\" or \"order\"");
        }
        if (kind == MessageKind.MARKETING && steps.stream().anyMatch(s -> s.channels().contains(Channel.EVENT))) {
            throw new IllegalArgumentException(where + ": events go to the store's systems, so only transactional journeys publish them");
        }
        Object key = map.getOrDefault("key", Journey.EVENT_KEY);
        if (!(key instanceof String)) {
            throw new IllegalArgumentException(where + ".key must be a string");
        }
        if (steps.stream().map(JourneyStep::plus).filter(p -> p != ProductDays.NONE).distinct().count() > 1) {
            throw new IllegalArgumentException(where + ": steps cannot wait for both usageDays and replenishAfterDays");
        }
        Object topic = map.get("topic");
        if (topic != null && !Topics.ALL.contains(topic)) {
            throw new IllegalArgumentException(where + ".topic must be one of " + Topics.ALL);
        }
        return new Journey(id, trigger, kind, when, perMessage, "order".equals(about), (String) key, (String) topic,
                steps, exits(map, where));
    }

    private static List<ExitCondition> exits(Map<String, Object> map, String where) {
        List<ExitCondition> exits = new ArrayList<>();
        for (Object item : list(map, "exitWhen", where)) {
            exits.add(parseEnum(item instanceof String s ? s : null, where + ".exitWhen", ExitCondition::fromId));
        }
        return exits;
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
        Object plusName = map.get("plus");
        ProductDays plus;
        try {
            plus = plusName == null ? ProductDays.NONE : ProductDays.fromId((String) plusName);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(where + ".plus can only be \"usageDays\" or \"replenishAfterDays\"", e);
        }
        Object from = map.getOrDefault("from", JourneyStep.OCCURRED_AT);
        Object detailType = map.get("detailType");
        if (!(from instanceof String) || detailType != null && !(detailType instanceof String)) {
            throw new IllegalArgumentException(where + ": from and detailType must be strings");
        }
        Object fallbackName = map.get("fallback");
        Channel fallback = fallbackName == null ? null
                : parseEnum(fallbackName instanceof String s ? s : null, where + ".fallback", Channel::fromId);
        if (channels.contains(Channel.EVENT) && detailType == null) {
            throw new IllegalArgumentException(where + ": an event step needs a detailType");
        }
        return new JourneyStep(id, after, plus, (String) from, time(map.get("sendAt"), where + ".sendAt"), channels,
                string(map, "template", where), expiresAfter, Condition.parse(map.get("when"), where + ".when"),
                fallback, time(map.get("smsWindowStart"), where + ".smsWindowStart"), exits(map, where),
                (String) detailType);
    }

    private static LocalTime time(Object value, String where) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse((String) value);
        } catch (DateTimeParseException | ClassCastException e) {
            throw new IllegalArgumentException(where + " must be a local time such as \"10:00\"", e);
        }
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
