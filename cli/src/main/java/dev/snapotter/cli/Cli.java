package dev.snapotter.cli;

import dev.snapotter.cli.backup.BackupCommand;
import dev.snapotter.cli.backup.RestoreCommand;
import dev.snapotter.cli.backup.VerifyBackupCommand;
import dev.snapotter.cli.info.InfoCommand;
import dev.snapotter.cli.run.RunCommand;
import dev.snapotter.cli.support.ErrorReporter;
import dev.snapotter.cli.support.Logging;
import dev.snapotter.cli.tools.ToolsCommand;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

import java.io.PrintWriter;

/** Builds the {@code snapotter} command tree over an environment; used by {@link Main} and by the tests. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine commandLine(CliEnvironment env, PrintWriter out, PrintWriter err) {
        SnapotterCommand root = new SnapotterCommand();
        CommandLine cl = new CommandLine(root)
                .addSubcommand(new RunCommand(env))
                .addSubcommand(new ToolsCommand(env))
                .addSubcommand(new InfoCommand(env))
                .addSubcommand(new BackupCommand())
                .addSubcommand(new RestoreCommand(env))
                .addSubcommand(new VerifyBackupCommand())
                .addSubcommand(new HelpCommand());
        ErrorReporter errors = new ErrorReporter();
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(errors);
        cl.setExecutionExceptionHandler(errors);
        cl.setExecutionStrategy(parseResult -> {
            Logging.Verbosity verbosity = Logging.applyVerbosity(root.verbosity());
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                verbosity.close();
            }
        });
        return cl;
    }
}
