package dev.snapotter.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top-level {@code snapotter} command; the work happens in its subcommands. */
@Command(name = "snapotter", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"SnapOtter: a self-hosted image toolkit that never sends a pixel anywhere. "
                + "Runs the same engine as the desktop app and the server, on this machine.", ""},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {"Run 'snapotter COMMAND --help' for a command's options.", "Documentation: docs/cli.md", "",
                ExitCodes.HELP_SECTION})
public final class SnapotterCommand implements Callable<Integer> {

    /** Inherited by every subcommand; picocli writes it into this field wherever it appears. */
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log details to stderr (-v debug, -vv trace). Default: warnings only.")
    boolean[] verbose = new boolean[0];

    @Spec
    CommandSpec spec;

    int verbosity() {
        return verbose == null ? 0 : verbose.length;
    }

    @Override
    public Integer call() {
        // No subcommand: show what there is, and say so in the exit code (scripts that forgot the command).
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
