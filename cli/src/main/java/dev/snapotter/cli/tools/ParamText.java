package dev.snapotter.cli.tools;

import dev.snapotter.engine.tool.ParamSpec;

import java.math.BigDecimal;

/** How a parameter's type, range and default read on the command line. */
final class ParamText {

    private ParamText() {
    }

    static String type(ParamSpec p) {
        return switch (p.type()) {
            case INTEGER -> "integer" + range(p);
            case NUMBER -> "number" + range(p);
            case BOOLEAN -> "true|false";
            case ENUM -> String.join("|", p.options());
            case STRING -> p.max() == null ? "text" : "text (≤ " + number(p.max()) + " chars)";
            case COLOR -> "colour #rrggbb[aa]";
        };
    }

    static String defaultSuffix(ParamSpec p) {
        return p.defaultValue() == null ? "" : " = " + value(p.defaultValue());
    }

    private static String range(ParamSpec p) {
        if (p.min() != null && p.max() != null) return " " + number(p.min()) + ".." + number(p.max());
        if (p.min() != null) return " ≥ " + number(p.min());
        if (p.max() != null) return " ≤ " + number(p.max());
        return "";
    }

    private static String value(Object v) {
        if (v instanceof Number n) return number(n);
        if (v instanceof String s && s.isEmpty()) return "\"\"";
        return String.valueOf(v);
    }

    /** 16383, 0.5 and 1 rather than 16383.0 and 1.0. */
    static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString();
        }
        return n.toString();
    }
}
