package dev.snapotter.desktop.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Logging configured in code (Cryptomator's approach): console, a rolling file in the app-data
 * folder ({@code logs/snapotter.log}, rolled daily and at 10 MB, 14 days / 100 MB kept), and the
 * in-memory {@link LogBuffer} behind the log view. {@code -Dsnapotter.debug=true} logs our packages at DEBUG.
 */
public final class LogSetup {

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";

    private LogSetup() {
    }

    public static void configure(Path logDir) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        if (Boolean.getBoolean("snapotter.debug")) ctx.getLogger("dev.snapotter").setLevel(Level.DEBUG);

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName("console");
        console.setEncoder(encoder(ctx));
        console.start();
        root.addAppender(console);

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(ctx);
        file.setName("file");
        file.setFile(logDir.resolve("snapotter.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(ctx);
        policy.setParent(file);
        policy.setFileNamePattern(logDir.resolve("snapotter-%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("100MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder(ctx));
        file.start();
        root.addAppender(file);

        attachBuffer(ctx, root);
    }

    /** Adds the in-memory buffer to an existing configuration (tests use logback-test.xml plus this). */
    public static void attachBuffer() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender("buffer") == null) attachBuffer(ctx, root);
    }

    private static void attachBuffer(LoggerContext ctx, Logger root) {
        LogBuffer buffer = LogBuffer.shared();
        buffer.stop();
        buffer.setContext(ctx);
        buffer.setName("buffer");
        buffer.setEncoder(encoder(ctx));
        buffer.start();
        root.addAppender(buffer);
    }

    private static PatternLayoutEncoder encoder(LoggerContext ctx) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(PATTERN);
        e.start();
        return e;
    }
}
