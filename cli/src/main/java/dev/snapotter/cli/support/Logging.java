package dev.snapotter.cli.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging for the command line: Logback to stderr at WARN, so stdout stays clean for output
 * that scripts parse. {@code -v} lowers the level to DEBUG, {@code -vv} to TRACE.
 */
public final class Logging {

    /** Read by Logback at start-up; a distinct name so it never clashes with another module's logback.xml. */
    public static final String CONFIG_RESOURCE = "dev/snapotter/cli/logback-cli.xml";

    private Logging() {
    }

    /** Must run before the first logger is created, i.e. first thing in main. */
    public static void useCliConfiguration() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", CONFIG_RESOURCE);
        }
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
