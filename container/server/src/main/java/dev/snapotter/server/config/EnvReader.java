package dev.snapotter.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, strict access to environment variables. A value that is set but invalid is an error
 * naming the variable — never a silent fallback to the default. An empty value counts as unset.
 * Problems are collected so startup can report all of them at once ({@link #throwIfProblems()}).
 */
public final class EnvReader {

    /** Secrets that may also come from a file named by {@code NAME_FILE} (Docker/Kubernetes secrets). */
    public static final Set<String> FILE_SECRETS = Set.of("DEFAULT_PASSWORD", "COOKIE_SECRET", "OIDC_CLIENT_SECRET",
            "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "SNAPOTTER_LICENSE_KEY");

    private static final long MAX_SECRET_FILE_BYTES = 64 * 1024;

    private final Env env;
    private final List<String> problems = new ArrayList<>();

    public EnvReader(Env env) {
        this.env = env;
    }

    /** The value if set and non-empty. */
    public Optional<String> value(String name) {
        return env.raw(name).filter(v -> !v.isEmpty());
    }

    public String string(String name, String defaultValue) {
        return value(name).map(String::trim).orElse(defaultValue);
    }

    /**
     * A secret from {@code NAME} or from the file named by {@code NAME_FILE}: the file's content with
     * one trailing newline (LF or CRLF) removed. Both set, or an unreadable file, is an error.
     */
    public Optional<String> secret(String name) {
        if (!FILE_SECRETS.contains(name)) throw new IllegalArgumentException(name + " is not a _FILE secret");
        String fileVar = name + "_FILE";
        Optional<String> direct = value(name);
        Optional<String> file = value(fileVar);
        if (direct.isPresent() && file.isPresent()) {
            problems.add(name + " and " + fileVar + " are both set; set only one of them");
            return Optional.empty();
        }
        if (file.isEmpty()) return direct;
        Path path;
        try {
            path = Path.of(file.get().trim());
        } catch (InvalidPathException e) {
            problems.add(fileVar + ": not a valid path: " + file.get());
            return Optional.empty();
        }
        try {
            if (!Files.isRegularFile(path)) {
                problems.add(fileVar + ": " + path + " is not a readable file");
                return Optional.empty();
            }
            if (Files.size(path) > MAX_SECRET_FILE_BYTES) {
                problems.add(fileVar + ": " + path + " is larger than " + MAX_SECRET_FILE_BYTES + " bytes");
                return Optional.empty();
            }
            String content = Files.readString(path, StandardCharsets.UTF_8);
            String trimmed = stripOneTrailingNewline(content);
            return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
        } catch (IOException | SecurityException e) {
            problems.add(fileVar + ": cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    static String stripOneTrailingNewline(String s) {
        if (s.endsWith("\r\n")) return s.substring(0, s.length() - 2);
        if (s.endsWith("\n")) return s.substring(0, s.length() - 1);
        return s;
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> v = value(name);
        if (v.isEmpty()) return defaultValue;
        try {
            int i = Integer.parseInt(v.get().trim());
            if (i < min || i > max) {
                problems.add(name + "=" + v.get() + ": must be between " + min + " and " + max);
                return defaultValue;
            }
            return i;
        } catch (NumberFormatException e) {
            problems.add(name + "=" + v.get() + ": not a whole number (allowed " + min + ".." + max + ")");
            return defaultValue;
        }
    }

    public double decimal(String name, double defaultValue, double min, double max) {
        Optional<String> v = value(name);
        if (v.isEmpty()) return defaultValue;
        try {
            double d = Double.parseDouble(v.get().trim());
            if (Double.isNaN(d) || d < min || d > max) {
                problems.add(name + "=" + v.get() + ": must be between " + min + " and " + max);
                return defaultValue;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(name + "=" + v.get() + ": not a number (allowed " + min + ".." + max + ")");
            return defaultValue;
        }
    }

    public boolean bool(String name, boolean defaultValue) {
        Optional<String> v = value(name);
        if (v.isEmpty()) return defaultValue;
        return switch (v.get().trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                problems.add(name + "=" + v.get() + ": must be true or false");
                yield defaultValue;
            }
        };
    }

    public String oneOf(String name, String defaultValue, Set<String> allowed) {
        Optional<String> v = value(name).map(s -> s.trim().toLowerCase(Locale.ROOT));
        if (v.isEmpty()) return defaultValue;
        if (!allowed.contains(v.get())) {
            problems.add(name + "=" + v.get() + ": must be one of " + String.join(", ", allowed.stream().sorted().toList()));
            return defaultValue;
        }
        return v.get();
    }

    public Path path(String name, Path defaultValue) {
        Optional<String> v = value(name);
        if (v.isEmpty()) return defaultValue;
        try {
            return Path.of(v.get().trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problems.add(name + "=" + v.get() + ": not a valid path");
            return defaultValue;
        }
    }

    /** Records a problem found by a cross-field check. */
    public void problem(String message) {
        problems.add(message);
    }

    public void throwIfProblems() {
        if (!problems.isEmpty()) throw new ConfigException(problems);
    }
}
