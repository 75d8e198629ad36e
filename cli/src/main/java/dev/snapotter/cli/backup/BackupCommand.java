package dev.snapotter.cli.backup;

import com.github.dockerjava.api.DockerClient;
import dev.snapotter.backup.BackupFiles;
import dev.snapotter.backup.BackupOptions;
import dev.snapotter.cli.ExitCodes;
import dev.snapotter.cli.support.UserException;
import dev.snapotter.control.api.ApiException;
import dev.snapotter.control.backup.BackupResult;
import dev.snapotter.control.backup.BackupService;
import dev.snapotter.control.backup.NamedContainerServer;
import dev.snapotter.control.lifecycle.ControlException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code snapotter backup}: an archive of a server's data, written atomically. */
@Command(name = "backup", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Back up a SnapOtter server's data into one archive.",
        description = {"With --server, the running server writes an app-consistent archive and streams it here. "
                + "Otherwise the managed container on the local Docker engine is backed up: through its API when it "
                + "is healthy and --api-key-file is given, else by a network-less helper container that reads the "
                + "data volume read-only. The file appears only when complete.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  snapotter backup -o /srv/backups/",
                "  snapotter backup --server https://img.example.org --api-key-file key.txt -o backup.tar.gz",
                "  snapotter backup --ask-passphrase --include-models -o /mnt/usb/"})
public final class BackupCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "PATH",
            description = "The archive to write, or an existing folder to write snapotter-backup-<time>.tar.gz into. Never overwritten.")
    Path out;

    @Option(names = "--include-models", description = "Also archive AI models (large; they can be downloaded again).")
    boolean includeModels;

    @Mixin
    ServerTarget target;

    @Mixin
    PassphraseOptions passphrase;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        char[] pass = passphrase.read(true);
        BackupOptions options = new BackupOptions(includeModels, pass);
        try {
            BackupResult result = target.viaUrl() ? viaApi(options, stderr) : viaDocker(options, stderr);
            stdout.println("Wrote " + result.file() + " (" + BackupText.size(result.bytes()) + ", "
                    + (result.route() == BackupResult.Route.SERVER_API ? "from the running server" : "helper container")
                    + (options.encrypted() ? ", encrypted" : "") + ")");
            stdout.flush();
            return ExitCodes.OK;
        } catch (FileAlreadyExistsException e) {
            throw new UserException(ExitCodes.USAGE, e.getFile() + " exists; backups are never overwritten");
        } catch (IOException | ApiException | ControlException e) {
            throw new UserException(ExitCodes.IO, "the backup failed, no file was written: " + e.getMessage(), e);
        } finally {
            PassphraseOptions.wipe(pass);
        }
    }

    private BackupResult viaApi(BackupOptions options, PrintWriter progress) throws IOException {
        Path file = destination(BackupService.fileName("snapotter-backup", Clock.systemUTC().instant()));
        progress.println("Asking " + target.server + " for a backup …");
        progress.flush();
        var api = target.remoteApi();
        BackupFiles.writeAtomically(file, stream -> api.downloadBackup(options, stream));
        return new BackupResult(file, Files.size(file), BackupResult.Route.SERVER_API);
    }

    private BackupResult viaDocker(BackupOptions options, PrintWriter progress) throws IOException {
        try (DockerClient docker = ServerTarget.docker()) {
            NamedContainerServer server = target.container(docker);
            BackupService service = new BackupService(server, () -> target.localApi(server),
                    ServerTarget.helperTool(docker, server), Clock.systemUTC());
            Path file = destination(service.defaultFileName("snapotter-backup"));
            return service.backup(file, options, line -> {
                progress.println(line);
                progress.flush();
            });
        }
    }

    private Path destination(String defaultName) {
        return Files.isDirectory(out) ? out.resolve(defaultName) : out;
    }
}
