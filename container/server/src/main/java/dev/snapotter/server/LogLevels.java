package dev.snapotter.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Applies LOG_LEVEL to our loggers; framework loggers stay at WARN unless debugging. */
final class LogLevels {

    private LogLevels() {
    }

    static void apply(String level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext)) return;
        Level l = Level.toLevel(level, Level.INFO);
        ((Logger) LoggerFactory.getLogger("dev.snapotter")).setLevel(l);
        ((Logger) LoggerFactory.getLogger("audit")).setLevel(l.isGreaterOrEqual(Level.WARN) ? l : Level.INFO);
        Level frameworks = l.isGreaterOrEqual(Level.INFO) ? Level.WARN : l;
        for (String name : new String[]{"org.eclipse.jetty", "io.javalin", "org.flywaydb"}) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(frameworks);
        }
    }
}
