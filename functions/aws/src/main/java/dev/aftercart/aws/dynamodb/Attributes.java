package dev.aftercart.aws.dynamodb;

import dev.aftercart.core.event.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How record fields become attribute values and back. Every encoder maps {@code null} to
 * {@code null}, which {@link Builder#put} leaves out; every reader maps a missing attribute back
 * to {@code null}.
 */
final class Attributes {

    /** Fixed width, so instants also compare correctly as strings in condition expressions. */
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Attributes() {
    }

    static Builder builder() {
        return new Builder();
    }

    static Reader read(Map<String, AttributeValue> item) {
        return new Reader(item);
    }

    static AttributeValue string(String value) {
        return value == null ? null : AttributeValue.fromS(value);
    }

    static AttributeValue number(Long value) {
        return value == null ? null : AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue number(Integer value) {
        return value == null ? null : AttributeValue.fromN(Integer.toString(value));
    }

    static AttributeValue bool(Boolean value) {
        return value == null ? null : AttributeValue.fromBool(value);
    }

    static AttributeValue instant(Instant value) {
        return value == null ? null : AttributeValue.fromS(INSTANT.format(value));
    }

    /**
     * A map of {@code amount}, a decimal string, and {@code currency}. A DynamoDB number would
     * normalise {@code "79.00"} to {@code 79}; the string keeps the amount exactly as the store sent it.
     */
    static AttributeValue money(Money value) {
        if (value == null) {
            return null;
        }
        BigDecimal amount = value.amount();
        // toPlainString round-trips exactly unless the scale is negative (e.g. 1E+3); toString always does.
        String decimal = amount.scale() >= 0 ? amount.toPlainString() : amount.toString();
        return map(builder()
                .put("amount", AttributeValue.fromS(decimal))
                .put("currency", AttributeValue.fromS(value.currency().getCurrencyCode())));
    }

    static AttributeValue map(Builder fields) {
        return AttributeValue.fromM(fields.build());
    }

    static AttributeValue stringMap(Map<String, String> values) {
        if (values == null) {
            return null;
        }
        Builder fields = builder();
        values.forEach((name, value) -> fields.put(name, string(value)));
        return map(fields);
    }

    /** An empty list stays an empty list, so it reads back apart from {@code null}. */
    static AttributeValue list(List<AttributeValue> values) {
        return values == null ? null : AttributeValue.fromL(values);
    }

    /** An item or a nested map under construction. */
    static final class Builder {

        private final Map<String, AttributeValue> values = new LinkedHashMap<>();

        /** Adds the attribute unless {@code value} is null. */
        Builder put(String name, AttributeValue value) {
            if (value != null) {
                values.put(name, value);
            }
            return this;
        }

        Builder putAll(Map<String, AttributeValue> more) {
            values.putAll(more);
            return this;
        }

        Map<String, AttributeValue> build() {
            return new LinkedHashMap<>(values);
        }
    }

    /** Typed reads from an item or a nested map. */
    static final class Reader {

        private final Map<String, AttributeValue> item;

        private Reader(Map<String, AttributeValue> item) {
            this.item = item;
        }

        boolean has(String name) {
            return item.containsKey(name);
        }

        String string(String name) {
            AttributeValue value = item.get(name);
            return value == null ? null : value.s();
        }

        String requiredString(String name) {
            String value = string(name);
            if (value == null) {
                throw new IllegalStateException("item has no " + name + " attribute");
            }
            return value;
        }

        Long longNumber(String name) {
            AttributeValue value = item.get(name);
            return value == null ? null : Long.valueOf(value.n());
        }

        long longNumber(String name, long absent) {
            Long value = longNumber(name);
            return value == null ? absent : value;
        }

        Integer integer(String name) {
            AttributeValue value = item.get(name);
            return value == null ? null : Integer.valueOf(value.n());
        }

        Boolean bool(String name) {
            AttributeValue value = item.get(name);
            return value == null ? null : value.bool();
        }

        boolean bool(String name, boolean absent) {
            Boolean value = bool(name);
            return value == null ? absent : value;
        }

        Instant instant(String name) {
            String value = string(name);
            return value == null ? null : Instant.parse(value);
        }

        Money money(String name) {
            Reader money = map(name);
            return money == null ? null
                    : new Money(new BigDecimal(money.requiredString("amount")),
                            Currency.getInstance(money.requiredString("currency")));
        }

        Reader map(String name) {
            AttributeValue value = item.get(name);
            return value == null ? null : new Reader(value.m());
        }

        Map<String, String> stringMap(String name) {
            AttributeValue value = item.get(name);
            if (value == null) {
                return null;
            }
            Map<String, String> strings = new LinkedHashMap<>();
            value.m().forEach((key, entry) -> strings.put(key, entry.s()));
            return strings;
        }

        /** A string set; absent reads as empty. */
        java.util.Set<String> stringSet(String name) {
            AttributeValue value = item.get(name);
            return value == null ? java.util.Set.of() : java.util.Set.copyOf(value.ss());
        }

        List<Reader> list(String name) {
            AttributeValue value = item.get(name);
            return value == null ? null : value.l().stream().map(entry -> new Reader(entry.m())).toList();
        }

        /** A map whose values are maps, each read by its key. */
        Map<String, Reader> maps(String name) {
            AttributeValue value = item.get(name);
            if (value == null) {
                return null;
            }
            Map<String, Reader> maps = new LinkedHashMap<>();
            value.m().forEach((key, entry) -> maps.put(key, new Reader(entry.m())));
            return maps;
        }
    }
}
