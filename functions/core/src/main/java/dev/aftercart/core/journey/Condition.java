package dev.aftercart.core.journey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a journey or step applies, written like an EventBridge pattern over the trigger's facts:
 * {@code {"status": ["delivered"], "rating": [{"numeric": ["<=", 2]}], "notice": [{"anything-but": ["label_created"]}]}}.
 * Every named fact must match one of its listed values. An empty condition always matches.
 */
public final class Condition {

    public static final Condition ALWAYS = new Condition(Map.of());

    private final Map<String, List<Object>> rules;

    private Condition(Map<String, List<Object>> rules) {
        this.rules = rules;
    }

    /** Parses a condition, failing with {@code where} and the fact named when a rule is malformed. */
    @SuppressWarnings("unchecked")
    public static Condition parse(Object json, String where) {
        if (json == null) {
            return ALWAYS;
        }
        if (!(json instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + " must be an object of fact: [values]");
        }
        Map<String, List<Object>> rules = new LinkedHashMap<>();
        map.forEach((fact, values) -> {
            if (!(values instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException(where + "." + fact + " must be a non-empty array");
            }
            for (Object value : list) {
                if (value instanceof Map<?, ?> operator) {
                    validateOperator((Map<String, Object>) operator, where + "." + fact);
                }
            }
            rules.put((String) fact, new ArrayList<>(list));
        });
        return new Condition(Map.copyOf(rules));
    }

    public boolean matches(Map<String, Object> facts) {
        for (Map.Entry<String, List<Object>> rule : rules.entrySet()) {
            Object fact = facts.get(rule.getKey());
            if (rule.getValue().stream().noneMatch(allowed -> matches(allowed, fact))) {
                return false;
            }
        }
        return true;
    }

    /** The facts this condition reads, for checking a journey against what its trigger provides. */
    public java.util.Set<String> facts() {
        return rules.keySet();
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Object allowed, Object fact) {
        if (allowed instanceof Map<?, ?> operator) {
            Map<String, Object> op = (Map<String, Object>) operator;
            if (op.containsKey("anything-but")) {
                return fact != null && ((List<Object>) op.get("anything-but")).stream().noneMatch(v -> equal(v, fact));
            }
            if (op.containsKey("numeric")) {
                return fact instanceof Number n && numeric((List<Object>) op.get("numeric"), new BigDecimal(n.toString()));
            }
            if (op.containsKey("exists")) {
                return Boolean.TRUE.equals(op.get("exists")) == (fact != null);
            }
            return false;
        }
        return equal(allowed, fact);
    }

    private static boolean equal(Object allowed, Object fact) {
        if (allowed instanceof Number a && fact instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return allowed != null && allowed.equals(fact);
    }

    private static boolean numeric(List<Object> terms, BigDecimal value) {
        for (int i = 0; i + 1 < terms.size(); i += 2) {
            int c = value.compareTo(new BigDecimal(terms.get(i + 1).toString()));
            boolean ok = switch ((String) terms.get(i)) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case "=" -> c == 0;
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static void validateOperator(Map<String, Object> operator, String where) {
        if (operator.size() != 1) {
            throw new IllegalArgumentException(where + ": an operator object has exactly one of anything-but, numeric, exists");
        }
        Object numeric = operator.get("numeric");
        if (numeric != null) {
            if (!(numeric instanceof List<?> terms) || terms.isEmpty() || terms.size() % 2 != 0
                    || !((List<Object>) terms).stream().allMatch(t -> t instanceof String || t instanceof Number)) {
                throw new IllegalArgumentException(where + ": numeric takes [operator, number, ...] pairs");
            }
            for (int i = 0; i < terms.size(); i += 2) {
                if (!List.of("<", "<=", "=", ">=", ">").contains(terms.get(i)) || !(terms.get(i + 1) instanceof Number)) {
                    throw new IllegalArgumentException(where + ": numeric takes [operator, number, ...] pairs");
                }
            }
        } else if (operator.containsKey("anything-but")) {
            if (!(operator.get("anything-but") instanceof List<?>)) {
                throw new IllegalArgumentException(where + ": anything-but takes an array");
            }
        } else if (!(operator.get("exists") instanceof Boolean)) {
            throw new IllegalArgumentException(where + ": unknown operator " + operator.keySet());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Condition c && c.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return rules.toString();
    }
}
