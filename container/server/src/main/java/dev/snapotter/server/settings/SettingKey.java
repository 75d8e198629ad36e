package dev.snapotter.server.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The settings an administrator may change, each with its validation. Unknown keys are refused,
 * so a typo never silently stores a setting nothing reads. Validators return an error message or null.
 */
public enum SettingKey {
    DISABLED_TOOLS("disabledTools", (v, tools) -> {
        if (!v.isArray() || v.size() > 500) return "must be an array of tool ids";
        for (JsonNode t : v) {
            if (!t.isTextual() || !tools.contains(t.textValue())) return "unknown tool id " + t;
        }
        return null;
    }),
    ENABLE_EXPERIMENTAL_TOOLS("enableExperimentalTools", (v, tools) -> v.isBoolean() ? null : "must be true or false"),
    LOGIN_ATTEMPT_LIMIT("loginAttemptLimit", (v, tools) -> intIn(v, 1, 10_000)),
    TEMP_FILE_MAX_AGE_HOURS("tempFileMaxAgeHours", (v, tools) -> intIn(v, 1, 87_600)),
    STARTUP_CLEANUP("startupCleanup", (v, tools) -> v.isBoolean() ? null : "must be true or false"),
    /** Install AI bundles that are unsigned or signed by an unknown key (ADR 0061); off by default. */
    ALLOW_UNTRUSTED_BUNDLES("allowUntrustedBundles", (v, tools) -> v.isBoolean() ? null : "must be true or false"),
    DEFAULT_THEME("defaultTheme", (v, tools) -> v.isTextual() && Set.of("light", "dark", "system").contains(v.textValue())
            ? null : "must be light, dark or system"),
    DEFAULT_LOCALE("defaultLocale", (v, tools) -> v.isTextual() && Pattern.matches("^[a-z]{2}(-[A-Z]{2})?$", v.textValue())
            ? null : "must be a locale such as en or pt-BR"),
    APP_NAME("appName", (v, tools) -> v.isTextual() && !v.textValue().isBlank() && v.textValue().length() <= 100
            && !v.textValue().matches(".*\\p{Cntrl}.*") ? null : "must be 1-100 characters without control characters");

    private final String key;
    private final BiFunction<JsonNode, Set<String>, String> validator;

    SettingKey(String key, BiFunction<JsonNode, Set<String>, String> validator) {
        this.key = key;
        this.validator = validator;
    }

    public String key() {
        return key;
    }

    /** An error message, or null when the value is acceptable. */
    public String validate(JsonNode value, Set<String> toolIds) {
        return validator.apply(value, toolIds);
    }

    public static Optional<SettingKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    private static String intIn(JsonNode v, int min, int max) {
        return v.isIntegralNumber() && v.longValue() >= min && v.longValue() <= max ? null : "must be a whole number " + min + ".." + max;
    }
}
