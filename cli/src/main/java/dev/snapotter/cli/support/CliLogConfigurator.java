package dev.snapotter.cli.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The command line's Logback set-up, in code: one stderr appender, WARN unless {@code -v} or
 * {@code -Dsnapotter.log.level=...}. It replaced an XML file because Joran (Logback's XML reader and
 * the JDK's XML parser under it) was a tenth of a one-shot {@code snapotter run}.
 *
 * <p>Logback finds it through {@code META-INF/services}, but it only acts in a process whose
 * {@link dev.snapotter.cli.Main} asked for it ({@link Logging#useCliConfiguration()}): the installers put
 * the CLI jar on the desktop app's class path, where the desktop's own configuration must win. An
 * explicit {@code -Dlogback.configurationFile} also wins.
 */
public final class CliLogConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%-5level [%thread] %logger{24} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!Logging.cliConfigurationRequested() || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty(Logging.LEVEL_PROPERTY), Level.WARN));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
