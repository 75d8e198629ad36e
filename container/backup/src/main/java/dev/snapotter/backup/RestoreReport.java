package dev.snapotter.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The outcome of {@link DataDirRestorer#restore}: the data folder now holds the backup's files, and the
 * previous ones wait in {@code previousDir} until {@link DataDirRestorer#commit} or {@link DataDirRestorer#rollback}.
 *
 * @param manifest       the restored backup's manifest
 * @param previousDir    where the replaced data was moved (inside the data folder)
 * @param filesRestored  files written
 * @param bytesRestored  their total size
 * @param tableRowCounts rows per table of the restored database, equal to the manifest's
 * @param took           wall time of the restore
 */
public record RestoreReport(BackupManifest manifest, Path previousDir, int filesRestored, long bytesRestored,
                            Map<String, Long> tableRowCounts, Duration took) {
}
