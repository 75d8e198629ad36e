package dev.snapotter.server.config;

import java.util.Map;
import java.util.Optional;

/** Where configuration comes from: the process environment in production, a map in tests. */
@FunctionalInterface
public interface Env {

    /** The raw value, or empty when the variable is not set. */
    Optional<String> raw(String name);

    static Env system() {
        return name -> Optional.ofNullable(System.getenv(name));
    }

    static Env of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
