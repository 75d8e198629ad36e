package dev.snapotter.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The small file that makes a restore recoverable after a crash at any point: written (atomically) before
 * the first rename, it names the folder the current data moves to and every top-level name that was there.
 * With that, {@link DataDirRestorer#rollback} can tell for each name whether the old item is still in place
 * or waiting in the previous-data folder, whatever step the crash interrupted.
 *
 * @param phase       {@link Phase}
 * @param previousDir name (inside the data folder) of the folder holding the replaced data
 * @param oldNames    top-level names of the data folder before the restore that the restore replaces (reserved names excluded)
 * @param keptNames   top-level names the restore leaves in place: AI models when the backup has none, caches
 * @param startedAt   when the restore began
 * @param backupAppVersion / backupCreatedAt  which backup is being restored, for messages
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestoreJournal(Phase phase, String previousDir, List<String> oldNames, List<String> keptNames, Instant startedAt,
                            String backupAppVersion, Instant backupCreatedAt) {

    public static final String FILE_NAME = BackupLayout.RESERVED_PREFIX_RESTORE + "journal.json";

    /** Where a restore stands. */
    public enum Phase {
        /** Renames under way (or interrupted): the data folder may hold a mix; recovery rolls back. */
        SWAPPING,
        /** Every file is in place and verified; waiting for the caller to start the server and commit or roll back. */
        SWAPPED,
        /** A rollback is under way (or was interrupted): running it again finishes it. */
        ROLLING_BACK
    }

    public RestoreJournal {
        oldNames = List.copyOf(oldNames);
        keptNames = keptNames == null ? List.of() : List.copyOf(keptNames);
    }

    RestoreJournal withPhase(Phase next) {
        return new RestoreJournal(next, previousDir, oldNames, keptNames, startedAt, backupAppVersion, backupCreatedAt);
    }

    static Optional<RestoreJournal> load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        try {
            return Optional.of(ManifestJson.MAPPER.readValue(Files.readAllBytes(file), RestoreJournal.class));
        } catch (IOException e) {
            throw new IOException("the restore journal " + file + " is unreadable (" + e.getMessage()
                    + "); inspect the data folder by hand: the previous data is in the " + BackupLayout.RESERVED_PREFIX_RESTORE + "previous-* folder", e);
        }
    }

    void save(Path dataDir) throws IOException {
        BackupFiles.writeAtomically(dataDir.resolve(FILE_NAME), true, out -> out.write(ManifestJson.write(this)));
    }

    static void delete(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        BackupFiles.fsyncDirectory(dataDir);
    }
}
