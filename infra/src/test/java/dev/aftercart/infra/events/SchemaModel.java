package dev.aftercart.infra.events;

import dev.aftercart.core.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the contract's own schemas to list, for one event, every field they describe and the
 * rules on it, so the tests derive their cases from the schemas instead of restating them.
 *
 * <p>It understands the subset of JSON Schema the contract uses ({@code $ref} to a file or to a
 * {@code $defs} entry, {@code properties}, {@code required}, {@code items}, {@code if}/{@code then},
 * and the value keywords, {@code const} and {@code enum} among them) and fails on any other keyword,
 * so a schema can never quietly grow a rule these tests do not check.
 */
final class SchemaModel {

    private static final Set<String> UNDERSTOOD = Set.of(
            "$schema", "$id", "$ref", "$defs", "$comment", "title", "description",
            "type", "const", "enum", "properties", "required", "items", "if", "then",
            "minItems", "maxItems", "minimum", "maximum", "minLength", "maxLength", "pattern", "format");
    private static final String DEFS = "/$defs/";

    private final Map<String, Map<String, Object>> documents = new ConcurrentHashMap<>();

    /** A schema with its {@code $ref} resolved; {@code definition} names the common rule it uses, if any. */
    record Node(Map<String, Object> keywords, String definition) {

        Set<String> types() {
            Object type = keywords.get("type");
            if (type == null) {
                return Set.of();
            }
            if (type instanceof String s) {
                return Set.of(s);
            }
            Set<String> types = new LinkedHashSet<>();
            ((List<?>) type).forEach(t -> types.add((String) t));
            return types;
        }

        boolean allowsType(String type) {
            Set<String> types = types();
            return types.isEmpty() || types.contains(type) || type.equals("integer") && types.contains("number");
        }

        Integer integer(String keyword) {
            Object value = keywords.get(keyword);
            return value == null ? null : ((BigDecimal) value).intValueExact();
        }
    }

    /** One field the schema describes, with what the event holds there. */
    record Field(FieldPath path, boolean arrayElement, boolean required, Node schema, boolean present, Object value) {

        String pattern() {
            return path.pattern();
        }
    }

    /** What the schema says about one event: its fields, and members of the event it does not describe. */
    record Reading(List<Field> fields, List<FieldPath> undescribed) {
    }

    Reading read(String schemaFile, Map<String, Object> event) {
        List<Field> fields = new ArrayList<>();
        List<FieldPath> undescribed = new ArrayList<>();
        walk(resolve(Map.of("$ref", schemaFile)), event, FieldPath.ROOT, fields, undescribed, true);
        return new Reading(fields, undescribed);
    }

    /** The names of the common value rules, {@code common.schema.json#/$defs/<name>}. */
    Set<String> definitions(String commonFile) {
        @SuppressWarnings("unchecked")
        Map<String, Object> defs = (Map<String, Object>) document(commonFile).get("$defs");
        return defs.keySet();
    }

    private void walk(Node node, Object value, FieldPath path, List<Field> fields, List<FieldPath> undescribed,
            boolean listFields) {
        if (value instanceof Map<?, ?> map && node.keywords().containsKey("properties")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            Set<String> required = required(node, object);
            Map<String, Object> properties = object(node.keywords().get("properties"));
            for (Map.Entry<String, Object> property : properties.entrySet()) {
                String name = property.getKey();
                Node child = resolve(object(property.getValue()));
                FieldPath childPath = path.child(name);
                Object childValue = object.get(name);
                if (listFields) {
                    fields.add(new Field(childPath, false, required.contains(name), child, object.containsKey(name),
                            childValue));
                }
                if (childValue != null) {
                    walk(child, childValue, childPath, fields, undescribed, listFields);
                }
            }
            object.keySet().stream().filter(name -> !properties.containsKey(name))
                    .forEach(name -> undescribed.add(path.child(name)));
        }
        if (value instanceof List<?> list && node.keywords().containsKey("items")) {
            Node item = resolve(object(node.keywords().get("items")));
            for (int i = 0; i < list.size(); i++) {
                // The first element stands for all; the others are only checked for undescribed members.
                boolean first = i == 0 && listFields;
                FieldPath itemPath = path.index(i);
                if (first) {
                    fields.add(new Field(itemPath, true, false, item, true, list.get(i)));
                }
                if (list.get(i) != null) {
                    walk(item, list.get(i), itemPath, fields, undescribed, first);
                }
            }
        }
    }

    /** {@code required}, plus {@code then.required} when the object matches {@code if}. */
    private static Set<String> required(Node node, Map<String, Object> object) {
        Set<String> required = new LinkedHashSet<>(strings(node.keywords().get("required")));
        Object condition = node.keywords().get("if");
        if (condition != null) {
            Map<String, Object> then = object(node.keywords().get("then"));
            if (then == null) {
                throw new IllegalStateException("\"if\" without \"then\" is not understood");
            }
            if (matches(object(condition), object)) {
                required.addAll(strings(then.get("required")));
            }
        }
        return required;
    }

    /** The {@code if} shapes the contract uses: required members, each of a given type. */
    private static boolean matches(Map<String, Object> condition, Map<String, Object> object) {
        for (String name : strings(condition.get("required"))) {
            if (!object.containsKey(name)) {
                return false;
            }
        }
        Map<String, Object> properties = object(condition.getOrDefault("properties", Map.of()));
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            Node rule = new Node(object(property.getValue()), null);
            if (object.containsKey(property.getKey()) && !rule.allowsType(typeOf(object.get(property.getKey())))) {
                return false;
            }
        }
        return true;
    }

    static String typeOf(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "string";
            case Boolean b -> "boolean";
            case Map<?, ?> m -> "object";
            case List<?> l -> "array";
            case BigDecimal d -> d.stripTrailingZeros().scale() <= 0 ? "integer" : "number";
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        };
    }

    /** Follows {@code $ref}; the referring schema's own keywords apply on top, as in draft 2020-12. */
    Node resolve(Map<String, Object> schema) {
        for (String keyword : schema.keySet()) {
            if (!UNDERSTOOD.contains(keyword)) {
                throw new IllegalStateException("the contract tests do not understand the keyword \"" + keyword
                        + "\"; teach SchemaModel and the tests what it means before using it");
            }
        }
        Object ref = schema.get("$ref");
        if (ref == null) {
            return new Node(schema, null);
        }
        String[] parts = ((String) ref).split("#", 2);
        Map<String, Object> target = document(parts[0]);
        String definition = null;
        if (parts.length == 2) {
            if (!parts[1].startsWith(DEFS)) {
                throw new IllegalStateException("only $defs references are understood: " + ref);
            }
            definition = parts[1].substring(DEFS.length());
            target = object(object(target.get("$defs")).get(definition));
            if (target == null) {
                throw new IllegalStateException("no such definition: " + ref);
            }
        }
        Node base = resolve(target);
        Map<String, Object> merged = new LinkedHashMap<>(base.keywords());
        for (Map.Entry<String, Object> keyword : schema.entrySet()) {
            switch (keyword.getKey()) {
                case "$ref" -> { }
                case "properties" -> merged.put("properties",
                        mergeProperties(object(merged.get("properties")), object(keyword.getValue())));
                case "required" -> {
                    Set<String> required = new LinkedHashSet<>(strings(merged.get("required")));
                    required.addAll(strings(keyword.getValue()));
                    merged.put("required", List.copyOf(required));
                }
                default -> merged.put(keyword.getKey(), keyword.getValue());
            }
        }
        return new Node(merged, definition != null ? definition : base.definition());
    }

    private static Map<String, Object> mergeProperties(Map<String, Object> base, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(base == null ? Map.of() : base);
        own.forEach((name, schema) -> {
            Map<String, Object> combined = new LinkedHashMap<>(object(merged.getOrDefault(name, Map.of())));
            combined.putAll(object(schema));
            merged.put(name, combined);
        });
        return merged;
    }

    private Map<String, Object> document(String file) {
        return documents.computeIfAbsent(file,
                name -> Json.parseObject(ContractFiles.read(ContractFiles.schemas().resolve(name))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        return ((List<?>) value).stream().map(String.class::cast).toList();
    }
}
