package dev.aftercart.infra.events;

import dev.aftercart.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Events as mutable JSON trees, so a test can break one field and write the event back out. */
final class EventJson {

    private EventJson() {
    }

    static Map<String, Object> parse(String json) {
        return copy(Json.parseObject(json));
    }

    static String write(Object event) {
        return Json.write(event);
    }

    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put((String) k, copy(v)));
            return (T) result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(v -> result.add(copy(v)));
            return (T) result;
        }
        return value;
    }

    static String detailType(Map<String, Object> event) {
        return (String) event.get("detail-type");
    }
}
