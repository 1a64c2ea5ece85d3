package dev.aftercart.infra.events;

import dev.aftercart.core.event.EventParser;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The values {@link SchemaParserAgreementTest} puts into one field. Most are derived from the
 * field's schema (its type, const, enum, lengths and bounds); the common value rules, whose patterns and
 * formats cannot be inverted mechanically, bring their own examples on each side.
 */
final class ValueCases {

    /** Values each common rule must refuse. Every definition in common.schema.json needs an entry. */
    static final Map<String, List<Object>> WRONG_BY_DEFINITION = Map.ofEntries(
            Map.entry("id", List.of("   ", "ord\u00011001")),
            Map.entry("text", List.of("   ", "\n\t")),
            Map.entry("url", List.of("ftp://shop.example.com/p", "shop.example.com/products/p")),
            Map.entry("instant", List.of("2026-11-20", "2026-11-20T10:00:00", "20 November 2026 10:00",
                    "2026-11-20T25:00:00Z", "2026-11-20T10:00:00Zjunk")),
            Map.entry("money", List.of(new BigDecimal("79.00"), "79,00", "-5.00", "1.2345678", "1234567890123456",
                    "$79.00", "1e3", "", "79.00\n")),
            Map.entry("currency", List.of("usd", "US", "EURO", "")),
            Map.entry("phone", List.of("12345", "4155550123", "+1 415 555 0123", "+0123456789", "+1415555012345678",
                    "+14155550123\n")),
            Map.entry("email", List.of("emma.example.com", "emma@example", "emma johnson@example.com",
                    "<emma@example.com>", "emma@example.com\n")),
            Map.entry("timeZone", List.of("Mars/Base", "PST", "+09:00", "asia/seoul")),
            Map.entry("locale", List.of("ko_KR", "not a locale", "en-", "123")),
            Map.entry("region", List.of("CA", "us-ca", "US_CA", "USA-CA")),
            Map.entry("country", List.of("USA", "us", "U1")));

    /** Values each common rule must accept, however unlike the samples. */
    static final Map<String, List<Object>> VALID_BY_DEFINITION = Map.ofEntries(
            Map.entry("id", List.of("A", "ord_7Hq2-x.y:z/1", "주문-1001")),
            Map.entry("text", List.of("x", " Emma ", "สมชาย")),
            Map.entry("url", List.of("http://shop.example.com", "https://shop.example.com/p?id=1&ref=mail")),
            Map.entry("instant", List.of("2026-11-20T10:00:00Z", "2026-11-20T10:00:00.123Z")),
            Map.entry("money", List.of("0", "0.5", "79.00", "123456789012345.123456")),
            Map.entry("currency", List.of("EUR", "JPY", "KRW")),
            Map.entry("phone", List.of("+8210555501", "+441632960961", "+123456789012345")),
            Map.entry("email", List.of("a@b.co", "first.last+tag@sub.example.co.kr")),
            Map.entry("timeZone", List.of("UTC", "Asia/Seoul", "America/Argentina/Buenos_Aires", "Etc/GMT+5")),
            Map.entry("locale", List.of("en", "ko-KR", "zh-Hant-TW", "es-419", "de-CH-1996", "th-TH-u-nu-thai")),
            Map.entry("region", List.of("US-CA", "KR-11", "GB-ENG", "TH-10")),
            Map.entry("country", List.of("US", "KR", "TH")));

    /** Loyalty points, either way: {@code EventParser.MAX_POINTS}, as a long so one past it does not overflow. */
    private static final long MAX_POINTS = EventParser.MAX_POINTS;

    /**
     * Values near the limits the parser is known to have, tried whatever the schema says, so a
     * bound dropped from a schema (or added to the parser alone) shows up as a disagreement.
     * Integers: ratings, usage days, replenishment days, quantities, loyalty points, and one past
     * the parser's {@code int}.
     */
    private static final List<Long> EDGE_INTEGERS = List.of(-1L, 0L, 1L, 5L, 6L, 365L, 366L, 730L, 731L, 10_000L,
            10_001L, -(MAX_POINTS + 1), -MAX_POINTS, MAX_POINTS, MAX_POINTS + 1, 1L + Integer.MAX_VALUE);
    private static final List<Integer> EDGE_LENGTHS = List.of(128, 129, 254, 255, 2_000, 2_001);
    /** The rules whose values stay valid, but for their length, when padded; a padded time zone is just unknown. */
    private static final Set<String> PADDABLE = Set.of("id", "text", "url", "email");
    private static final List<Integer> EDGE_SIZES = List.of(0, 1, 100, 101);
    private static final List<Object> EDGE_INSTANTS = List.of("2026-11-20T19:00:00+09:00", "2026-11-20t10:00:00z",
            "2026-11-20T10:00:00.123456789Z");

    /** A value of each JSON type, used where the schema does not allow that type. */
    private static final Map<String, Object> VALUE_OF_TYPE = Map.of(
            "string", "wrong",
            "number", new BigDecimal("42"),
            "boolean", true,
            "object", Map.of("wrong", true),
            "array", List.of("wrong"));

    private ValueCases() {
    }

    /**
     * What the field's schema refuses: other types, another const, an unlisted value, beyond each length and
     * bound, bad patterns.
     */
    static List<Object> wrong(SchemaModel.Field field) {
        SchemaModel.Node schema = field.schema();
        if (unconstrained(schema)) {
            return List.of();
        }
        Set<Object> wrong = new LinkedHashSet<>();
        VALUE_OF_TYPE.forEach((type, value) -> {
            if (!schema.allowsType(type) && !(type.equals("number") && schema.allowsType("integer"))) {
                wrong.add(value);
            }
        });
        if (schema.types().contains("integer")) {
            wrong.add(new BigDecimal("1.5"));
        }
        Object constant = schema.keywords().get("const");
        if (constant != null) {
            wrong.add(constant + " v2");
        }
        List<String> allowed = enumStrings(schema);
        if (!allowed.isEmpty()) {
            // Near misses: a value that is not listed, the listed values in another case, nothing.
            wrong.add(allowed.getFirst() + " v2");
            allowed.stream().map(v -> v.toUpperCase(Locale.ROOT)).filter(v -> !allowed.contains(v))
                    .findFirst().ifPresent(wrong::add);
            wrong.add("");
        }
        Integer minLength = schema.integer("minLength");
        if (minLength != null && minLength > 0) {
            wrong.add("");
        }
        Integer maxLength = schema.integer("maxLength");
        if (maxLength != null && field.value() instanceof String s) {
            wrong.add(padded(s, maxLength + 1));
        }
        Integer minimum = schema.integer("minimum");
        if (minimum != null) {
            wrong.add(BigDecimal.valueOf(minimum - 1L));
        }
        Integer maximum = schema.integer("maximum");
        if (maximum != null) {
            wrong.add(BigDecimal.valueOf(maximum + 1L));
        }
        Integer minItems = schema.integer("minItems");
        if (minItems != null && minItems > 0 && field.value() instanceof List<?> list) {
            wrong.add(sized(list, minItems - 1));
        }
        Integer maxItems = schema.integer("maxItems");
        if (maxItems != null && field.value() instanceof List<?> list) {
            wrong.add(sized(list, maxItems + 1));
        }
        wrong.addAll(byDefinition(WRONG_BY_DEFINITION, schema));
        if (wrong.isEmpty()) {
            throw new IllegalStateException(field.path() + " has a rule these tests cannot break");
        }
        return List.copyOf(wrong);
    }

    /** What the field's schema accepts: every listed value, each bound, both booleans, the rule's own examples. */
    static List<Object> valid(SchemaModel.Field field) {
        SchemaModel.Node schema = field.schema();
        if (unconstrained(schema) || schema.keywords().containsKey("const")) {
            return List.of();
        }
        Set<Object> valid = new LinkedHashSet<>();
        valid.addAll(enumStrings(schema));
        if (schema.allowsType("boolean")) {
            valid.add(true);
            valid.add(false);
        }
        Integer maxLength = schema.integer("maxLength");
        if (maxLength != null && field.value() instanceof String s) {
            valid.add(padded(s, maxLength));
        }
        Integer minimum = schema.integer("minimum");
        if (minimum != null) {
            valid.add(BigDecimal.valueOf(minimum));
        }
        Integer maximum = schema.integer("maximum");
        if (maximum != null) {
            valid.add(BigDecimal.valueOf(maximum));
        }
        Integer minItems = schema.integer("minItems");
        if (minItems != null && field.value() instanceof List<?> list) {
            valid.add(sized(list, minItems));
        }
        Integer maxItems = schema.integer("maxItems");
        if (maxItems != null && field.value() instanceof List<?> list) {
            valid.add(sized(list, maxItems));
        }
        valid.addAll(byDefinition(VALID_BY_DEFINITION, schema));
        return List.copyOf(valid);
    }

    /** Values near the parser's known limits, for whichever side of them the schema says they are. */
    static List<Object> edges(SchemaModel.Field field) {
        SchemaModel.Node schema = field.schema();
        if (unconstrained(schema) || schema.keywords().containsKey("const")) {
            return List.of();
        }
        Set<Object> edges = new LinkedHashSet<>();
        String definition = schema.definition();
        if (field.value() instanceof String s && definition != null && PADDABLE.contains(definition)) {
            EDGE_LENGTHS.stream().filter(length -> length > s.length()).forEach(length -> edges.add(padded(s, length)));
        }
        if (schema.allowsType("integer")) {
            EDGE_INTEGERS.forEach(i -> edges.add(BigDecimal.valueOf(i)));
        }
        if (field.value() instanceof List<?> list) {
            EDGE_SIZES.forEach(size -> edges.add(sized(list, size)));
        }
        if ("instant".equals(schema.definition())) {
            edges.addAll(EDGE_INSTANTS);
        }
        return List.copyOf(edges);
    }

    /** The strings an {@code enum} lists, in schema order; empty when the field has no enum. */
    private static List<String> enumStrings(SchemaModel.Node schema) {
        Object values = schema.keywords().get("enum");
        if (values == null) {
            return List.of();
        }
        List<String> strings = ((List<?>) values).stream().filter(v -> v != null).map(v -> {
            if (!(v instanceof String s)) {
                throw new IllegalStateException("only enums of strings are understood, not " + values);
            }
            return s;
        }).toList();
        if (strings.isEmpty()) {
            throw new IllegalStateException("an enum with no string values: " + values);
        }
        return strings;
    }

    /** An envelope member Aftercart does not read: no value is wrong or right there. */
    private static boolean unconstrained(SchemaModel.Node schema) {
        return schema.types().isEmpty() && schema.definition() == null;
    }

    private static List<Object> byDefinition(Map<String, List<Object>> values, SchemaModel.Node schema) {
        if (schema.definition() == null) {
            return List.of();
        }
        List<Object> found = values.get(schema.definition());
        if (found == null) {
            throw new IllegalStateException("no example values for the " + schema.definition() + " rule");
        }
        return found;
    }

    /** {@code s} lengthened with 'a' to {@code length} code points; still valid in every other respect. */
    private static String padded(String s, int length) {
        return s + "a".repeat(Math.max(0, length - s.codePointCount(0, s.length())));
    }

    /** An array of {@code size} copies of the sample's first element. */
    private static List<Object> sized(List<?> list, int size) {
        return Collections.nCopies(size, list.getFirst());
    }
}
