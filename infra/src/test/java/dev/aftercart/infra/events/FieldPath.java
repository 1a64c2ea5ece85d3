package dev.aftercart.infra.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A field inside an event, spelled the way the parser names it in a violation:
 * {@code detail.items[0].unitPrice}. Reads and edits mutable JSON trees (see {@link EventJson}).
 */
record FieldPath(List<Object> segments) {

    static final FieldPath ROOT = new FieldPath(List.of());

    FieldPath {
        segments = List.copyOf(segments);
    }

    FieldPath child(String name) {
        return append(name);
    }

    FieldPath index(int index) {
        return append(index);
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    /** The value at this path, or null when a segment on the way is missing. */
    Object get(Object root) {
        Object node = root;
        for (Object segment : segments) {
            node = step(node, segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    void set(Object root, Object value) {
        Object parent = parentOf(root);
        Object last = segments.getLast();
        if (last instanceof String name) {
            map(parent).put(name, value);
        } else {
            list(parent).set((Integer) last, value);
        }
    }

    void remove(Object root) {
        map(parentOf(root)).remove((String) segments.getLast());
    }

    /** The same path with every array index written {@code [*]}, to compare fields across samples. */
    String pattern() {
        return render(true);
    }

    @Override
    public String toString() {
        return render(false);
    }

    private String render(boolean anyIndex) {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer i) {
                out.append('[').append(anyIndex ? "*" : i).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }

    private FieldPath append(Object segment) {
        List<Object> next = new ArrayList<>(segments);
        next.add(segment);
        return new FieldPath(next);
    }

    private Object parentOf(Object root) {
        return new FieldPath(segments.subList(0, segments.size() - 1)).get(root);
    }

    private static Object step(Object node, Object segment) {
        if (segment instanceof String name && node instanceof Map<?, ?> m) {
            return m.get(name);
        }
        if (segment instanceof Integer i && node instanceof List<?> l && i < l.size()) {
            return l.get(i);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return (List<Object>) node;
    }
}
