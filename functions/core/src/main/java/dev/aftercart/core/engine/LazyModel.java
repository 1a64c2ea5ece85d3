package dev.aftercart.core.engine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A template model whose costly values (recommendations read the catalog) are computed only when
 * a template reads them, and then once. Mustache reads a map through {@code get}.
 */
final class LazyModel extends LinkedHashMap<String, Object> {

    private final Map<String, Supplier<Object>> lazy = new HashMap<>();
    private final Map<String, Object> computed = new HashMap<>();

    void putLazy(String key, Supplier<Object> supplier) {
        lazy.put(key, supplier);
    }

    @Override
    public Object get(Object key) {
        Supplier<Object> supplier = lazy.get(key);
        if (supplier == null) {
            return super.get(key);
        }
        // Not computeIfAbsent: one lazy value may read another, and HashMap forbids nested computes.
        if (!computed.containsKey(key)) {
            computed.put((String) key, supplier.get());
        }
        return computed.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return lazy.containsKey(key) || super.containsKey(key);
    }
}
