package dev.snapotter.cli.support;

import dev.snapotter.cli.ExitCodes;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.InvalidSettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;

/**
 * Turns every failure into a short message on stderr and an exit code. User errors never show a
 * stack trace; a bug shows one line plus the hint to rerun with {@code -v}, which logs the trace.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(prefix(cmd) + "error: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = switch (ex) {
            case UserException u -> {
                err.println(prefix(cmd) + "error: " + u.getMessage());
                LOG.debug("user error", u);
                yield u.exitCode();
            }
            case InvalidSettingsException invalid -> {
                printFieldErrors(err, prefix(cmd) + "error: invalid settings", invalid);
                yield ExitCodes.USAGE;
            }
            case ImageException image -> {
                err.println(prefix(cmd) + "error: " + image.getMessage());
                LOG.debug("image error", image);
                yield image.kind() == ImageException.Kind.IO ? ExitCodes.IO : ExitCodes.SOME_FAILED;
            }
            default -> {
                LOG.debug("internal error", ex);
                err.println(prefix(cmd) + "internal error: " + ex);
                err.println("This is a bug in SnapOtter. Rerun with -v to see the details and please report them.");
                yield ExitCodes.INTERNAL;
            }
        };
        err.flush();
        return code;
    }

    /** One line per field: {@code steps[0].settings.width: must be ≤ 16383}. */
    public static void printFieldErrors(PrintWriter err, String header, InvalidSettingsException ex) {
        err.println(header + ":");
        for (FieldError e : ex.errors()) {
            err.println("  " + e.path() + ": " + e.message());
        }
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }
}
