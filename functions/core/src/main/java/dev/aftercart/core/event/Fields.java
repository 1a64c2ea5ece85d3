package dev.aftercart.core.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object against the contract, collecting a {@link Violation} per
 * broken rule instead of stopping at the first, so a rejected event names all of its problems.
 *
 * <p>Absent and {@code null} mean the same: "not given". Unknown members are ignored.
 */
public final class Fields {

    static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,6})?");
    static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;]+");
    static final Pattern REGION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final int MAX_ID = 128;
    static final int MAX_TEXT = 2_000;

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final Map<String, Object> map;
    private final String path;
    private final List<Violation> violations;

    Fields(Map<String, Object> map, String path, List<Violation> violations) {
        this.map = map;
        this.path = path;
        this.violations = violations;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void reject(String name, String rule) {
        violations.add(new Violation(path(name), rule));
    }

    boolean has(String name) {
        return map.get(name) != null;
    }

    private Object required(String name) {
        Object value = map.get(name);
        if (value == null) {
            reject(name, "is required");
        }
        return value;
    }

    /** A non-blank identifier of at most 128 characters without control characters. */
    String requiredId(String name) {
        Object value = required(name);
        return value == null ? null : id(name, value);
    }

    String optionalId(String name) {
        Object value = map.get(name);
        return value == null ? null : id(name, value);
    }

    private String id(String name, Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            reject(name, "must be a non-empty string");
            return null;
        }
        if (s.length() > MAX_ID || s.chars().anyMatch(Character::isISOControl)) {
            reject(name, "must be at most " + MAX_ID + " characters without control characters");
            return null;
        }
        return s;
    }

    String requiredText(String name) {
        Object value = required(name);
        return value == null ? null : text(name, value);
    }

    String optionalText(String name) {
        Object value = map.get(name);
        return value == null ? null : text(name, value);
    }

    private String text(String name, Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            reject(name, "must be a non-empty string");
            return null;
        }
        if (s.length() > MAX_TEXT) {
            reject(name, "must be at most " + MAX_TEXT + " characters");
            return null;
        }
        return s;
    }

    /** An absolute http(s) URL. */
    String optionalUrl(String name) {
        String s = optionalText(name);
        if (s != null && !(s.startsWith("https://") || s.startsWith("http://"))) {
            reject(name, "must be an absolute http or https URL");
            return null;
        }
        return s;
    }

    Instant requiredInstant(String name) {
        Object value = required(name);
        return value == null ? null : instant(name, value);
    }

    Instant optionalInstant(String name) {
        Object value = map.get(name);
        return value == null ? null : instant(name, value);
    }

    private Instant instant(String name, Object value) {
        if (value instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                // fall through to the violation
            }
        }
        reject(name, "must be an ISO 8601 UTC instant such as \"2026-11-20T10:00:00Z\"");
        return null;
    }

    BigDecimal requiredDecimal(String name) {
        Object value = required(name);
        return value == null ? null : decimal(name, value);
    }

    BigDecimal optionalDecimal(String name) {
        Object value = map.get(name);
        return value == null ? null : decimal(name, value);
    }

    private BigDecimal decimal(String name, Object value) {
        if (value instanceof String s && DECIMAL.matcher(s).matches()) {
            return new BigDecimal(s);
        }
        reject(name, "must be a non-negative decimal string such as \"79.00\" (money is never a JSON number)");
        return null;
    }

    Currency requiredCurrency(String name) {
        Object value = required(name);
        return value == null ? null : currency(name, value);
    }

    Currency optionalCurrency(String name) {
        Object value = map.get(name);
        return value == null ? null : currency(name, value);
    }

    private Currency currency(String name, Object value) {
        if (value instanceof String s && CURRENCY.matcher(s).matches()) {
            try {
                return Currency.getInstance(s);
            } catch (IllegalArgumentException e) {
                // fall through to the violation
            }
        }
        reject(name, "must be an ISO 4217 currency code such as \"USD\"");
        return null;
    }

    Integer requiredInt(String name, int min, int max) {
        Object value = required(name);
        return value == null ? null : integer(name, value, min, max);
    }

    Integer optionalInt(String name, int min, int max) {
        Object value = map.get(name);
        return value == null ? null : integer(name, value, min, max);
    }

    private Integer integer(String name, Object value, int min, int max) {
        if (value instanceof BigDecimal d) {
            try {
                int i = d.intValueExact();
                if (i >= min && i <= max) {
                    return i;
                }
            } catch (ArithmeticException e) {
                // fall through to the violation
            }
        }
        reject(name, "must be an integer from " + min + " to " + max);
        return null;
    }

    Boolean requiredBoolean(String name) {
        Object value = required(name);
        return value == null ? null : bool(name, value);
    }

    Boolean optionalBoolean(String name) {
        Object value = map.get(name);
        return value == null ? null : bool(name, value);
    }

    private Boolean bool(String name, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        reject(name, "must be true or false");
        return null;
    }

    String optionalEmail(String name) {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s && s.length() <= 254 && EMAIL.matcher(s).matches()) {
            return s;
        }
        reject(name, "must be an email address");
        return null;
    }

    String optionalPhone(String name) {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s && E164.matcher(s).matches()) {
            return s;
        }
        reject(name, "must be an E.164 phone number such as \"+14155550123\"");
        return null;
    }

    String optionalTimeZone(String name) {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s && ZONES.contains(s)) {
            return s;
        }
        reject(name, "must be an IANA time zone id such as \"America/New_York\"");
        return null;
    }

    String optionalLocale(String name) {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                new Locale.Builder().setLanguageTag(s);
                return s;
            } catch (IllformedLocaleException e) {
                // fall through to the violation
            }
        }
        reject(name, "must be a BCP 47 language tag such as \"ko-KR\"");
        return null;
    }

    String optionalRegion(String name) {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s && REGION.matcher(s).matches()) {
            return s;
        }
        reject(name, "must be an ISO 3166-2 code such as \"US-CA\"");
        return null;
    }

    String optionalCountry(String name) {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s && s.matches("[A-Z]{2}")) {
            return s;
        }
        reject(name, "must be an ISO 3166-1 alpha-2 code such as \"US\"");
        return null;
    }

    /** One of the allowed values, given in the error in contract order. */
    String requiredEnum(String name, List<String> allowed) {
        Object value = required(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s && allowed.contains(s)) {
            return s;
        }
        reject(name, "must be one of " + String.join(", ", allowed));
        return null;
    }

    Fields requiredObject(String name) {
        Object value = required(name);
        return value == null ? null : object(name, value);
    }

    Fields optionalObject(String name) {
        Object value = map.get(name);
        return value == null ? null : object(name, value);
    }

    @SuppressWarnings("unchecked")
    private Fields object(String name, Object value) {
        if (value instanceof Map<?, ?> m) {
            return new Fields((Map<String, Object>) m, path(name), violations);
        }
        reject(name, "must be an object");
        return null;
    }

    /** The array's objects, each read at {@code name[i]}; an empty list when the array is invalid. */
    List<Fields> requiredObjects(String name, int minItems, int maxItems) {
        Object value = required(name);
        return value == null ? List.of() : objects(name, value, minItems, maxItems);
    }

    List<Fields> optionalObjects(String name, int minItems, int maxItems) {
        Object value = map.get(name);
        return value == null ? null : objects(name, value, minItems, maxItems);
    }

    @SuppressWarnings("unchecked")
    private List<Fields> objects(String name, Object value, int minItems, int maxItems) {
        if (!(value instanceof List<?> list)) {
            reject(name, "must be an array");
            return List.of();
        }
        if (list.size() < minItems || list.size() > maxItems) {
            reject(name, "must have from " + minItems + " to " + maxItems + " items");
            return List.of();
        }
        List<Fields> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String itemPath = path(name) + "[" + i + "]";
            if (list.get(i) instanceof Map<?, ?> m) {
                result.add(new Fields((Map<String, Object>) m, itemPath, violations));
            } else {
                violations.add(new Violation(itemPath, "must be an object"));
            }
        }
        return result;
    }
}
