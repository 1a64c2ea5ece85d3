package dev.aftercart.aws.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An UpdateItem expression built clause by clause. Attribute {@code x} is always written as
 * {@code #x} (so reserved words such as {@code name} and {@code count} need no care) and its new
 * value as {@code :x}, which a condition may refer to as well.
 */
final class Update {

    private final List<String> sets = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private String condition;

    /** Sets the attribute, or removes it when {@code value} is null. */
    Update set(String attribute, AttributeValue value) {
        if (value == null) {
            removes.add(name(attribute));
        } else {
            sets.add(name(attribute) + " = " + value(attribute, value));
        }
        return this;
    }

    /** Sets the attribute only if the item has none; a null {@code value} changes nothing. */
    Update setIfAbsent(String attribute, AttributeValue value) {
        if (value != null) {
            String name = name(attribute);
            sets.add(name + " = if_not_exists(" + name + ", " + value(attribute, value) + ")");
        }
        return this;
    }

    /** Adds {@code amount} to a number attribute, starting from 0 when there is none. */
    Update add(String attribute, long amount) {
        adds.add(name(attribute) + " " + value(attribute, Attributes.number(amount)));
        return this;
    }

    /** A value only the condition uses, written there as {@code :name}. */
    Update conditionValue(String name, AttributeValue value) {
        value(name, value);
        return this;
    }

    /** The write happens only if {@code expression} holds; it uses the {@code #x} and {@code :x} placeholders above. */
    Update onlyIf(String expression) {
        this.condition = expression;
        return this;
    }

    String expression() {
        List<String> clauses = new ArrayList<>(3);
        if (!sets.isEmpty()) {
            clauses.add("SET " + String.join(", ", sets));
        }
        if (!adds.isEmpty()) {
            clauses.add("ADD " + String.join(", ", adds));
        }
        if (!removes.isEmpty()) {
            clauses.add("REMOVE " + String.join(", ", removes));
        }
        return String.join(" ", clauses);
    }

    String condition() {
        return condition;
    }

    Map<String, String> names() {
        return Map.copyOf(names);
    }

    Map<String, AttributeValue> values() {
        return Map.copyOf(values);
    }

    private String name(String attribute) {
        String placeholder = "#" + attribute;
        names.put(placeholder, attribute);
        return placeholder;
    }

    private String value(String attribute, AttributeValue value) {
        String placeholder = ":" + attribute;
        if (values.putIfAbsent(placeholder, value) != null) {
            throw new IllegalArgumentException(attribute + " is written twice in one update");
        }
        return placeholder;
    }
}
