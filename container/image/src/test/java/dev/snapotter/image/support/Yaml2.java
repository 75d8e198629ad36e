package dev.snapotter.image.support;

import java.util.List;
import java.util.Map;

/** Typed navigation of SnakeYAML trees: a wrong shape is an assertion failure naming the path. */
public final class Yaml2 {

    private Yaml2() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node, String... path) {
        Object n = at(node, path);
        if (n == null) return null;
        if (!(n instanceof Map)) throw new AssertionError(String.join(".", path) + " is not a mapping: " + n);
        return (Map<String, Object>) n;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node, String... path) {
        Object n = at(node, path);
        if (n == null) return null;
        if (!(n instanceof List)) throw new AssertionError(String.join(".", path) + " is not a list: " + n);
        return (List<Object>) n;
    }

    public static String string(Object node, String... path) {
        Object n = at(node, path);
        return n == null ? null : String.valueOf(n);
    }

    public static Object at(Object node, String... path) {
        Object n = node;
        for (String key : path) {
            if (n instanceof Map<?, ?> m) {
                n = m.get(key);
            } else if (n instanceof List<?> l && key.matches("\\d+")) {
                int i = Integer.parseInt(key);
                n = i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
        }
        return n;
    }
}
