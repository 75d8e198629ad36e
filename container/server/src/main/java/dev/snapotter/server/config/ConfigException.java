package dev.snapotter.server.config;

import java.util.List;

/**
 * Invalid configuration found at startup. Lists every problem, each naming the variable,
 * so an operator fixes them in one go instead of one restart per typo.
 */
public final class ConfigException extends RuntimeException {

    private final transient List<String> problems;

    public ConfigException(List<String> problems) {
        super("Invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
