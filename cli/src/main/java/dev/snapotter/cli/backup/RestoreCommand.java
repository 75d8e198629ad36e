package dev.snapotter.cli.backup;

import com.github.dockerjava.api.DockerClient;
import dev.snapotter.backup.BackupRejectedException;
import dev.snapotter.backup.BackupSummary;
import dev.snapotter.backup.BackupVerifier;
import dev.snapotter.cli.CliEnvironment;
import dev.snapotter.cli.ExitCodes;
import dev.snapotter.cli.support.UserException;
import dev.snapotter.control.backup.ApiDataCheck;
import dev.snapotter.control.backup.BackupService;
import dev.snapotter.control.backup.NamedContainerServer;
import dev.snapotter.control.backup.RestoreCheck;
import dev.snapotter.control.backup.RestoreListener;
import dev.snapotter.control.backup.RestoreOutcome;
import dev.snapotter.control.backup.RestoreService;
import dev.snapotter.control.backup.RestoreStep;
import dev.snapotter.control.lifecycle.ControlException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code snapotter restore FILE}: the validated restore with safety backup and rollback (docs/backup.md). */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Replace a SnapOtter container's data with a backup (verified, with automatic rollback).",
        description = {"Runs on the Docker host. The archive is checked completely first (and by the container's own "
                + "image for the schema); then a safety backup of the current data is taken, the server stopped, the "
                + "data replaced atomically in a network-less helper container, the server started and verified. If "
                + "any step after the stop fails, the previous data is put back and the server started on it.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  snapotter restore snapotter-backup-20261125-101500.tar.gz",
                "  snapotter restore --yes --passphrase-file pass.txt --api-key-file key.txt backup.tar.gz"})
public final class RestoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The backup archive to restore.")
    Path file;

    @Option(names = "--yes", description = "Do not ask for confirmation (scripts). Required without a terminal.")
    boolean yes;

    @Option(names = "--safety-dir", paramLabel = "DIR", description = "Where the safety backup of the current data goes (default: ${DEFAULT-VALUE}).",
            defaultValue = "${sys:user.home}/.local/share/snapotter/safety-backups")
    Path safetyDir;

    @Mixin
    ServerTarget target;

    @Mixin
    PassphraseOptions passphrase;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    public RestoreCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (target.viaUrl()) {
            throw new UserException(ExitCodes.USAGE, "restore stops and restarts the container, so it runs on the"
                    + " Docker host: use --container NAME, not --server");
        }
        VerifyBackupCommand.requireFile(file);
        char[] pass = passphrase.read(false);
        try {
            BackupSummary summary;
            boolean encrypted;
            try {
                encrypted = BackupVerifier.isEncrypted(file);
                if (encrypted && pass == null) {
                    throw new UserException(ExitCodes.USAGE, file + " is encrypted: give --passphrase-file FILE or --ask-passphrase");
                }
                summary = BackupVerifier.verify(file, pass, Integer.MAX_VALUE);
            } catch (BackupRejectedException e) {
                err.println("snapotter restore: REFUSED " + file + " (" + e.reason() + "): " + e.getMessage()
                        + " Nothing was stopped or changed.");
                return ExitCodes.REFUSED;
            } catch (IOException e) {
                throw new UserException(ExitCodes.IO, "cannot read " + file + ": " + e.getMessage(), e);
            }
            out.println("Backup " + file + ":");
            BackupText.summary(summary, encrypted, out);
            out.println("This REPLACES all data of the container '" + target.container + "' (users, API keys, "
                    + "pipelines, settings, audit log, files). A safety backup of the current data goes to " + safetyDir + ".");
            out.flush();
            if (!yes && !confirmed(out)) {
                err.println("snapotter restore: not confirmed; nothing was changed.");
                return ExitCodes.USAGE;
            }
            return restore(summary, pass, out, err);
        } finally {
            PassphraseOptions.wipe(pass);
        }
    }

    private boolean confirmed(PrintWriter out) {
        if (!environment.terminal()) {
            throw new UserException(ExitCodes.USAGE, "no terminal to confirm on: add --yes to restore from a script");
        }
        out.print("Type 'yes' to restore: ");
        out.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(environment.stdin(), StandardCharsets.UTF_8)).readLine();
            return line != null && line.strip().toLowerCase(Locale.ROOT).equals("yes");
        } catch (IOException e) {
            return false;
        }
    }

    private int restore(BackupSummary summary, char[] pass, PrintWriter out, PrintWriter err) {
        try (DockerClient docker = ServerTarget.docker()) {
            NamedContainerServer server = target.container(docker);
            var tool = ServerTarget.helperTool(docker, server);
            BackupService backups = new BackupService(server, () -> target.localApi(server), tool, Clock.systemUTC());
            List<RestoreCheck> checks = target.localApi(server).<List<RestoreCheck>>map(api -> List.of(ApiDataCheck.whenKeyValid(api)))
                    .orElse(List.of());
            // The archive was verified just above; the image and the restore itself check it again.
            RestoreService service = new RestoreService(server, tool, (a, p) -> summary, backups.safetyBackupInto(safetyDir), checks);
            RestoreOutcome outcome = service.restore(file, pass, new Progress(err));
            out.println(outcome.report());
            out.flush();
            return switch (outcome.result()) {
                case RESTORED -> ExitCodes.OK;
                case REFUSED -> ExitCodes.REFUSED;
                case ROLLED_BACK -> ExitCodes.ROLLED_BACK;
                case ROLLBACK_FAILED -> ExitCodes.ROLLBACK_FAILED;
            };
        } catch (IOException | ControlException e) {
            throw new UserException(ExitCodes.IO, e.getMessage(), e);
        }
    }

    /** One stderr line per step, so a long restore shows where it is. */
    private record Progress(PrintWriter err) implements RestoreListener {
        @Override
        public void started(RestoreStep step) {
            err.println("… " + step.title());
            err.flush();
        }

        @Override
        public void detail(String line) {
            err.println("    " + line);
            err.flush();
        }
    }
}
