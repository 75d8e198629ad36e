package dev.snapotter.cli.info;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** A JSON-shaped report as indented {@code key: value} lines; nested maps indent, short lists join. */
final class ReportText {

    private static final int INLINE_LIST_MAX = 120;

    private ReportText() {
    }

    static void render(Map<String, ?> report, PrintWriter out) {
        render(report, out, "");
    }

    private static void render(Map<String, ?> map, PrintWriter out, String indent) {
        for (Map.Entry<String, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested) {
                out.println(indent + e.getKey() + ":");
                if (nested.isEmpty()) out.println(indent + "  (none)");
                render(stringKeys(nested), out, indent + "  ");
            } else if (v instanceof List<?> list && !inline(list)) {
                out.println(indent + e.getKey() + ":");
                for (Object item : list) {
                    if (item instanceof Map<?, ?> m) {
                        out.println(indent + "  -");
                        render(stringKeys(m), out, indent + "    ");
                    } else {
                        out.println(indent + "  - " + item);
                    }
                }
            } else {
                out.println(indent + e.getKey() + ": " + scalar(v));
            }
        }
    }

    private static boolean inline(List<?> list) {
        return list.stream().noneMatch(i -> i instanceof Map || i instanceof List)
                && String.valueOf(list).length() <= INLINE_LIST_MAX;
    }

    private static String scalar(Object v) {
        if (v == null) return "-";
        if (v instanceof List<?> list) return list.isEmpty() ? "(none)" : String.join(", ", list.stream().map(String::valueOf).toList());
        return String.valueOf(v);
    }

    private static Map<String, ?> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
