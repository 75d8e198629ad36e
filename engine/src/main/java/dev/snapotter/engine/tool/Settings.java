package dev.snapotter.engine.tool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validated, typed settings for one tool. Built only through {@link #validate}, so a tool
 * never sees a value outside its {@link ParamSpec}. Unknown keys are refused (a typo such as
 * "widht" would otherwise be silently ignored).
 */
public final class Settings {

    private static final Pattern COLOR = Pattern.compile("^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$");

    private final Map<String, Object> values;

    private Settings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks raw values (as parsed from JSON or a form) against the descriptor and fills defaults.
     *
     * @throws InvalidSettingsException listing every field error, not just the first
     */
    public static Settings validate(ToolDescriptor tool, Map<String, ?> raw) {
        Map<String, ?> in = raw == null ? Map.of() : raw;
        List<FieldError> errors = new ArrayList<>();
        for (String key : in.keySet()) {
            if (tool.param(key).isEmpty()) errors.add(new FieldError(key, "unknown setting for tool '" + tool.id() + "'"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec p : tool.params()) {
            Object v = in.get(p.name());
            if (v == null) {
                if (p.defaultValue() != null) out.put(p.name(), p.defaultValue());
                continue;
            }
            Object coerced = coerce(p, v, errors);
            if (coerced != null) out.put(p.name(), coerced);
        }
        if (!errors.isEmpty()) throw new InvalidSettingsException(errors);
        return new Settings(out);
    }

    private static Object coerce(ParamSpec p, Object v, List<FieldError> errors) {
        String name = p.name();
        switch (p.type()) {
            case INTEGER -> {
                Long l = asLong(v);
                if (l == null) return fail(errors, name, "must be a whole number");
                if (p.min() != null && l < p.min().longValue()) return fail(errors, name, "must be ≥ " + p.min());
                if (p.max() != null && l > p.max().longValue()) return fail(errors, name, "must be ≤ " + p.max());
                return l.intValue();
            }
            case NUMBER -> {
                Double d = asDouble(v);
                if (d == null || d.isNaN() || d.isInfinite()) return fail(errors, name, "must be a number");
                if (p.min() != null && d < p.min().doubleValue()) return fail(errors, name, "must be ≥ " + p.min());
                if (p.max() != null && d > p.max().doubleValue()) return fail(errors, name, "must be ≤ " + p.max());
                return d;
            }
            case BOOLEAN -> {
                if (v instanceof Boolean b) return b;
                if ("true".equals(v) || "false".equals(v)) return Boolean.parseBoolean((String) v);
                return fail(errors, name, "must be true or false");
            }
            case ENUM -> {
                String s = String.valueOf(v);
                if (!p.options().contains(s)) return fail(errors, name, "must be one of " + String.join(", ", p.options()));
                return s;
            }
            case STRING -> {
                if (!(v instanceof String s)) return fail(errors, name, "must be text");
                if (p.max() != null && s.length() > p.max().intValue()) return fail(errors, name, "must be at most " + p.max() + " characters");
                return s;
            }
            case COLOR -> {
                if (!(v instanceof String s) || !COLOR.matcher(s).matches()) return fail(errors, name, "must be a colour like #ff8800");
                return s.toLowerCase(java.util.Locale.ROOT);
            }
            default -> throw new IllegalStateException(p.type().toString());
        }
    }

    private static Object fail(List<FieldError> errors, String name, String message) {
        errors.add(new FieldError(name, message));
        return null;
    }

    private static Long asLong(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d : null;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Double asDouble(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public int getInt(String name) {
        return ((Number) require(name)).intValue();
    }

    public Optional<Integer> optInt(String name) {
        return Optional.ofNullable((Number) values.get(name)).map(Number::intValue);
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public Optional<Double> optDouble(String name) {
        return Optional.ofNullable((Number) values.get(name)).map(Number::doubleValue);
    }

    public boolean getBool(String name) {
        return (Boolean) require(name);
    }

    public String getString(String name) {
        return (String) require(name);
    }

    public Optional<String> optString(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    /** The effective values (defaults filled), e.g. for logging or job records. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalStateException("setting '" + name + "' has no value and no default");
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
