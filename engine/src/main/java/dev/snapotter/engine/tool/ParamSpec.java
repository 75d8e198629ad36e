package dev.snapotter.engine.tool;

import java.util.List;

/**
 * One parameter of a tool: the single machine-readable description that the server's
 * validation and OpenAPI schema, the CLI's help and the desktop's generated forms all read.
 *
 * @param name         settings key, as in SnapOtter's API (e.g. "width", "fit")
 * @param type         value type
 * @param label        short human label for forms
 * @param help         one sentence of help
 * @param defaultValue value used when the key is absent (null = no value, the parameter is optional)
 * @param min          lower bound for numbers (inclusive), null if none
 * @param max          upper bound for numbers (inclusive), null if none; maximum length for strings
 * @param options      allowed values for {@link ParamType#ENUM}
 */
public record ParamSpec(String name, ParamType type, String label, String help, Object defaultValue,
                        Number min, Number max, List<String> options) {

    public ParamSpec {
        options = options == null ? List.of() : List.copyOf(options);
        if (type == ParamType.ENUM && options.isEmpty()) {
            throw new IllegalArgumentException(name + ": an enum parameter needs options");
        }
    }

    public static ParamSpec integer(String name, String label, Integer defaultValue, Integer min, Integer max, String help) {
        return new ParamSpec(name, ParamType.INTEGER, label, help, defaultValue, min, max, null);
    }

    public static ParamSpec number(String name, String label, Double defaultValue, Double min, Double max, String help) {
        return new ParamSpec(name, ParamType.NUMBER, label, help, defaultValue, min, max, null);
    }

    public static ParamSpec bool(String name, String label, boolean defaultValue, String help) {
        return new ParamSpec(name, ParamType.BOOLEAN, label, help, defaultValue, null, null, null);
    }

    public static ParamSpec choice(String name, String label, String defaultValue, List<String> options, String help) {
        return new ParamSpec(name, ParamType.ENUM, label, help, defaultValue, null, null, options);
    }

    public static ParamSpec text(String name, String label, String defaultValue, int maxLength, String help) {
        return new ParamSpec(name, ParamType.STRING, label, help, defaultValue, null, maxLength, null);
    }

    public static ParamSpec color(String name, String label, String defaultValue, String help) {
        return new ParamSpec(name, ParamType.COLOR, label, help, defaultValue, null, null, null);
    }
}
