package dev.snapotter.desktop.backup;

import dev.snapotter.backup.BackupOptions;
import dev.snapotter.backup.BackupSummary;
import dev.snapotter.backup.BackupVerifier;
import dev.snapotter.control.backup.BackupResult;
import dev.snapotter.control.backup.RestoreListener;
import dev.snapotter.control.backup.RestoreOutcome;
import dev.snapotter.control.backup.RestoreStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Real archive checks (BackupVerifier on real files), scripted Docker: backups write a stub, restores report a result. */
final class FakeBackupPort implements BackupPort {

    final List<String> calls = new ArrayList<>();
    RestoreOutcome.Result restoreResult = RestoreOutcome.Result.RESTORED;
    IOException backupFailure;

    @Override
    public boolean encrypted(Path archive) throws IOException {
        return BackupVerifier.isEncrypted(archive);
    }

    @Override
    public BackupSummary verify(Path archive, char[] passphrase) throws IOException {
        calls.add("verify " + archive.getFileName());
        return BackupVerifier.verify(archive, passphrase, Integer.MAX_VALUE);
    }

    @Override
    public String currentData() {
        return "the data of the container 'snapotter' (volume snapotter-data, server running healthy)";
    }

    @Override
    public BackupResult backup(Path destination, BackupOptions options, Consumer<String> progress) throws IOException {
        calls.add("backup " + destination.getFileName() + (options.encrypted() ? " encrypted" : "")
                + (options.includeModels() ? " models" : ""));
        if (backupFailure != null) throw backupFailure;
        progress.accept("Asking the running server for a backup");
        Files.writeString(destination, "archive");
        return new BackupResult(destination, 7, BackupResult.Route.SERVER_API);
    }

    @Override
    public RestoreOutcome restore(Path archive, char[] passphrase, RestoreListener listener) {
        calls.add("restore " + archive.getFileName());
        List<RestoreOutcome.StepRecord> steps = new ArrayList<>();
        for (RestoreStep step : List.of(RestoreStep.VERIFY_ARCHIVE, RestoreStep.STOP_SERVER, RestoreStep.REPLACE_DATA)) {
            listener.started(step);
            RestoreOutcome.StepRecord r = new RestoreOutcome.StepRecord(step, RestoreOutcome.Status.OK, "", Duration.ofMillis(5));
            steps.add(r);
            listener.finished(r);
        }
        if (restoreResult == RestoreOutcome.Result.ROLLED_BACK) {
            steps.add(new RestoreOutcome.StepRecord(RestoreStep.START_SERVER, RestoreOutcome.Status.FAILED,
                    "The container is unhealthy", Duration.ofSeconds(30)));
            steps.add(new RestoreOutcome.StepRecord(RestoreStep.ROLLBACK, RestoreOutcome.Status.OK,
                    "the previous data is back in place", Duration.ofSeconds(2)));
            return new RestoreOutcome(restoreResult, steps, Optional.of(Path.of("/safety/s.tar.gz")),
                    "Start the server and wait until healthy failed: The container is unhealthy. The previous data"
                            + " was put back and the server is healthy on it; nothing from the archive was kept.");
        }
        return new RestoreOutcome(restoreResult, steps, Optional.of(Path.of("/safety/s.tar.gz")),
                "The backup was restored and the server is healthy on it.");
    }
}
