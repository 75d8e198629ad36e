package dev.snapotter.control.backup;

import dev.snapotter.backup.BackupSummary;
import java.nio.file.Path;

/**
 * The host-side check of an archive before anything is touched: manifest, checksums, safe entries, passphrase.
 * Throws (typically {@code BackupRejectedException}) with the reason when the archive must be refused.
 */
@FunctionalInterface
public interface ArchiveCheck {

    BackupSummary check(Path archive, char[] passphrase) throws Exception;
}
