package dev.aftercart.local;

import dev.aftercart.core.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The personal data in event lines, which logs must never hold: contact details, names, a review's words. */
final class PersonalData {

    private static final List<String> CUSTOMER_FIELDS = List.of("email", "phone", "firstName", "lastName");
    private static final List<String> REVIEW_FIELDS = List.of("title", "body");

    private PersonalData() {
    }

    static List<String> in(List<String> eventLines) {
        Set<String> values = new LinkedHashSet<>();
        for (String line : eventLines) {
            if (line.isBlank() || !(Json.parse(line) instanceof Map<?, ?> event)
                    || !(event.get("detail") instanceof Map<?, ?> detail)) {
                continue;
            }
            if (detail.get("customer") instanceof Map<?, ?> customer) {
                CUSTOMER_FIELDS.forEach(field -> add(values, customer.get(field)));
            }
            if ("Review Submitted".equals(event.get("detail-type"))) {
                REVIEW_FIELDS.forEach(field -> add(values, detail.get(field)));
            }
        }
        return List.copyOf(values);
    }

    private static void add(Set<String> values, Object value) {
        if (value instanceof String s && !s.isBlank()) {
            values.add(s);
        }
    }
}
