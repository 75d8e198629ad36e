package dev.snapotter.desktop.pipeline;

import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.ParamType;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One generated form field. The value is what the control holds (text for numbers, so a half-typed
 * "12." is kept and reported rather than lost); {@link #settingValue()} turns it into the JSON value.
 */
public final class FieldViewModel {

    private final ParamSpec spec;
    private final ObjectProperty<Object> value = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");

    FieldViewModel(ParamSpec spec, Object initial) {
        this.spec = spec;
        value.set(display(spec, initial != null ? initial : spec.defaultValue()));
    }

    public ParamSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public ObjectProperty<Object> valueProperty() {
        return value;
    }

    /** The inline validation message; empty when the field is fine. */
    public StringProperty errorProperty() {
        return error;
    }

    /** The value for the step's settings map; null means "not set" (the tool's default applies). */
    Object settingValue() {
        Object v = value.get();
        if (v == null) return null;
        if (spec.type() == ParamType.BOOLEAN) return v;
        String s = v.toString().trim();
        if (s.isEmpty()) return null;
        try {
            return switch (spec.type()) {
                case INTEGER -> Long.parseLong(s);
                case NUMBER -> Double.parseDouble(s);
                default -> s;
            };
        } catch (NumberFormatException e) {
            return s; // the engine's validation names the problem ("must be a whole number")
        }
    }

    /** A hint for the control's prompt text, e.g. "1 – 16383". */
    public String rangeHint() {
        if (spec.min() != null && spec.max() != null) return display(spec, spec.min()) + " – " + display(spec, spec.max());
        if (spec.min() != null) return "≥ " + display(spec, spec.min());
        if (spec.max() != null && spec.type() != ParamType.STRING) return "≤ " + display(spec, spec.max());
        return spec.defaultValue() == null ? "optional" : "";
    }

    static Object display(ParamSpec spec, Object v) {
        if (v == null) return spec.type() == ParamType.BOOLEAN ? Boolean.FALSE : "";
        if (spec.type() == ParamType.BOOLEAN) return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
        if (v instanceof Float f && f == Math.rint(f)) return Long.toString(f.longValue());
        return v.toString();
    }
}
