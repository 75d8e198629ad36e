package dev.snapotter.cli.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging for the command line: Logback to stderr at WARN, so stdout stays clean for output
 * that scripts parse. {@code -v} lowers the level to DEBUG, {@code -vv} to TRACE.
 */
public final class Logging {

    /** Set by {@link #useCliConfiguration()}; {@link CliLogConfigurator} acts only when it is "true". */
    static final String CLI_PROPERTY = "snapotter.cli.logging";
    /** The root level when no {@code -v} is given, e.g. {@code -Dsnapotter.log.level=INFO}; default WARN. */
    public static final String LEVEL_PROPERTY = "snapotter.log.level";

    private Logging() {
    }

    /**
     * Must run before the first logger is created, i.e. first thing in main: selects
     * {@link CliLogConfigurator} (stderr, WARN) for this process.
     */
    public static void useCliConfiguration() {
        System.setProperty(CLI_PROPERTY, "true");
    }

    static boolean cliConfigurationRequested() {
        return Boolean.getBoolean(CLI_PROPERTY);
    }

    /**
     * Applies {@code -v} (count 1 = DEBUG, 2+ = TRACE) until the returned handle is closed, so a
     * command tree that runs several times in one JVM (tests, an embedding app) does not stay verbose.
     * Count 0 leaves the configured level alone.
     */
    public static Verbosity applyVerbosity(int count) {
        // Another SLF4J binding (e.g. inside a test harness) is left untouched.
        if (count <= 0 || !(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root)) {
            return () -> { };
        }
        Level previous = root.getLevel();
        root.setLevel(count == 1 ? Level.DEBUG : Level.TRACE);
        return () -> root.setLevel(previous);
    }

    /** Restores the previous level when closed. */
    public interface Verbosity extends AutoCloseable {
        @Override
        void close();
    }
}
