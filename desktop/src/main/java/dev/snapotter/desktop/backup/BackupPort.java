package dev.snapotter.desktop.backup;

import dev.snapotter.backup.BackupOptions;
import dev.snapotter.backup.BackupSummary;
import dev.snapotter.control.backup.BackupResult;
import dev.snapotter.control.backup.RestoreListener;
import dev.snapotter.control.backup.RestoreOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Everything the backup wizard asks of the outside world, in one narrow port: the ViewModels are tested with a
 * fake, the app uses {@link DockerBackupPort} over the control library. All methods block; callers run them on
 * {@code Lane.SERVER} (Docker, server API) or {@code Lane.IO} (reading a file).
 */
public interface BackupPort {

    /** True when the file starts with the encryption header (the wizard then asks for the passphrase). */
    boolean encrypted(Path archive) throws IOException;

    /** Reads and checks the whole archive on this computer; throws {@code BackupRejectedException} with the reason. */
    BackupSummary verify(Path archive, char[] passphrase) throws IOException;

    /** What a restore would replace, in one sentence (container, volume, state). */
    String currentData();

    BackupResult backup(Path destination, BackupOptions options, Consumer<String> progress) throws IOException;

    RestoreOutcome restore(Path archive, char[] passphrase, RestoreListener listener);
}
