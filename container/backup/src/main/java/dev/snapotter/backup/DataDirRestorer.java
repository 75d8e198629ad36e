package dev.snapotter.backup;

import dev.snapotter.archive.TreeDeleter;
import dev.snapotter.backup.BackupRejectedException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Replaces the contents of a data folder with a backup, using renames only, so that at every instant each
 * top-level item is either in place or in a known folder, and a crash at any point can be undone.
 *
 * <ol>
 *   <li>extract into {@code dataDir/.restore-staging} (same file system, so later moves are renames), check every
 *       file against the manifest and the database's integrity and row counts;</li>
 *   <li>write the {@link RestoreJournal} (old names, previous-data folder), move every current child into
 *       {@code dataDir/.restore-previous-<time>}, then move every staged child in; installed AI models (when the
 *       backup has none) and caches stay where they are;</li>
 *   <li>check the files in place again (checksums, row counts) and mark the journal {@code SWAPPED}.</li>
 * </ol>
 * The data folder itself is never renamed: in a container it is a volume mount point. The server must be
 * stopped while this runs (the caller stops it); after starting it on the restored data the caller
 * {@link #commit commits} (deletes the previous data) or {@link #rollback rolls back}.
 */
public final class DataDirRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirRestorer.class);
    public static final String STAGING_DIR = BackupLayout.RESERVED_PREFIX_RESTORE + "staging";
    static final String PREVIOUS_PREFIX = BackupLayout.RESERVED_PREFIX_RESTORE + "previous-";
    static final String DISCARD_PREFIX = BackupLayout.RESERVED_PREFIX_RESTORE + "discard-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** Test seam: called after each step with its name; a test throws from it to simulate a failure or a crash. */
    interface StepHook {
        void after(String step) throws IOException;
    }

    static volatile StepHook hook = step -> { };

    private DataDirRestorer() {
    }

    /** {@link #restore(Path, char[], Path, int)} without a schema check (the caller ran {@link BackupVerifier#verify}). */
    public static RestoreReport restore(Path verifiedArchive, char[] passphrase, Path dataDir) throws IOException {
        return restore(verifiedArchive, passphrase, dataDir, Integer.MAX_VALUE);
    }

    /**
     * Restores {@code verifiedArchive} into {@code dataDir}. Before the first rename any failure leaves the data
     * folder untouched; after it, the previous data is put back before the exception ({@code RESTORE_FAILED}) is thrown.
     */
    public static RestoreReport restore(Path verifiedArchive, char[] passphrase, Path dataDir, int maxSchemaVersion) throws IOException {
        long started = System.nanoTime();
        Path data = dataDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) throw new IOException("the data folder " + data + " does not exist");
        Optional<RestoreJournal> pending = RestoreJournal.load(data);
        if (pending.isPresent()) {
            throw new BackupRejectedException(Reason.RESTORE_PENDING, "An earlier restore into " + data + " did not finish (" + pending.get().phase()
                    + "); roll it back or commit it before restoring again.");
        }
        RestoreStaging.Staged staged = RestoreStaging.stage(verifiedArchive, passphrase, data, maxSchemaVersion);
        List<String> replaced = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String name : topLevelNames(data)) (RestoreStaging.keep(name, staged) ? kept : replaced).add(name);
        RestoreJournal journal = new RestoreJournal(RestoreJournal.Phase.SWAPPING, PREVIOUS_PREFIX + STAMP.format(Instant.now()),
                replaced, kept, Instant.now(), staged.check().manifest().appVersion(), staged.check().manifest().createdAt());
        String step = "journal";
        try {
            journal.save(data);
            hook.after(step);
            Path previous = Files.createDirectories(data.resolve(journal.previousDir()));
            for (String name : journal.oldNames()) {
                step = "move-out " + name;
                Files.move(data.resolve(name), previous.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                hook.after(step);
            }
            for (String name : listNames(staged.dir())) {
                step = "move-in " + name;
                Files.move(staged.dir().resolve(name), data.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                hook.after(step);
            }
            BackupFiles.fsyncDirectory(previous);
            BackupFiles.fsyncDirectory(data);
            step = "verify";
            Map<String, Long> counts = RestoreStaging.verifyInPlace(data, staged.check().manifest());
            hook.after(step);
            step = "mark-swapped";
            journal.withPhase(RestoreJournal.Phase.SWAPPED).save(data);
            Files.deleteIfExists(staged.dir());
            BackupManifest m = staged.check().manifest();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("Restored backup of {} ({} files, {} bytes) into {} in {} ms; previous data in {}", m.createdAt(), m.files().size(),
                    m.totalBytes(), data, took.toMillis(), journal.previousDir());
            return new RestoreReport(m, data.resolve(journal.previousDir()), m.files().size(), m.totalBytes(), counts, took);
        } catch (IOException | RuntimeException e) {
            if (RestoreJournal.load(data).isEmpty()) { // nothing was moved yet
                TreeDeleter.delete(staged.dir());
                throw e;
            }
            LOG.error("Restore failed at step '{}': {}; rolling back", step, e.getMessage());
            try {
                rollback(data);
            } catch (IOException | RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
                throw new BackupRejectedException(Reason.ROLLBACK_FAILED, "The restore failed at step '" + step + "' (" + e.getMessage()
                        + ") and putting the previous data back failed too (" + rollbackFailure.getMessage() + "). Nothing was deleted: the previous data is in "
                        + data.resolve(journal.previousDir()) + "; run the rollback again once the cause is fixed.", e);
            }
            throw new BackupRejectedException(Reason.RESTORE_FAILED, "The restore failed at step '" + step + "' (" + e.getMessage()
                    + "); the previous data was put back unchanged.", e);
        }
    }


    /**
     * Puts the data that was there before the restore back, from any state a restore or an earlier rollback
     * stopped in, then deletes the restored files, the staging folder and the journal. Safe to run again after a crash.
     *
     * @throws IOException when there is no restore to roll back
     */
    public static void rollback(Path dataDir) throws IOException {
        Path data = dataDir.toAbsolutePath().normalize();
        RestoreJournal journal = RestoreJournal.load(data)
                .orElseThrow(() -> new IOException("there is no restore to roll back in " + data + " (no " + RestoreJournal.FILE_NAME + ")"));
        if (journal.phase() != RestoreJournal.Phase.ROLLING_BACK) journal.withPhase(RestoreJournal.Phase.ROLLING_BACK).save(data);
        Path previous = data.resolve(journal.previousDir());
        Path discard = data.resolve(DISCARD_PREFIX + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectory(discard);
        // A: everything in place that is not an old item goes out. An old name whose item is not in the previous
        // folder still holds the old item (it was never moved, or was already moved back).
        for (String name : topLevelNames(data)) {
            if (journal.keptNames().contains(name)) continue; // never moved by the restore
            boolean oldItemInPlace = journal.oldNames().contains(name) && !Files.exists(previous.resolve(name), LinkOption.NOFOLLOW_LINKS);
            if (!oldItemInPlace) Files.move(data.resolve(name), discard.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
        hook.after("rollback-cleared");
        // B: the old items come back.
        if (Files.isDirectory(previous, LinkOption.NOFOLLOW_LINKS)) {
            for (String name : listNames(previous)) {
                Files.move(previous.resolve(name), data.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                hook.after("rollback-back " + name);
            }
        }
        BackupFiles.fsyncDirectory(data);
        for (String name : listNames(data)) {
            if (name.startsWith(DISCARD_PREFIX)) TreeDeleter.delete(data.resolve(name));
        }
        TreeDeleter.delete(data.resolve(STAGING_DIR));
        Files.deleteIfExists(previous);
        RestoreJournal.delete(data);
        LOG.info("Rolled back the restore in {}: the previous data is in place again", data);
    }

    /** After the server ran healthy on the restored data: deletes the previous data and the journal. */
    public static void commit(Path dataDir) throws IOException {
        Path data = dataDir.toAbsolutePath().normalize();
        RestoreJournal journal = RestoreJournal.load(data).orElseThrow(() -> new IOException("there is no restore to commit in " + data));
        if (journal.phase() != RestoreJournal.Phase.SWAPPED) {
            throw new BackupRejectedException(Reason.RESTORE_PENDING, "The restore in " + data + " did not complete (" + journal.phase()
                    + "); it can only be rolled back.");
        }
        TreeDeleter.delete(data.resolve(journal.previousDir()));
        TreeDeleter.delete(data.resolve(STAGING_DIR));
        RestoreJournal.delete(data);
        LOG.info("Restore committed in {}; previous data deleted", data);
    }

    /** The unfinished or uncommitted restore in {@code dataDir}, if any. */
    public static Optional<RestoreJournal> pending(Path dataDir) throws IOException {
        return RestoreJournal.load(dataDir.toAbsolutePath().normalize());
    }

    /**
     * Call before starting a server on {@code dataDir}: rolls back a restore that a crash interrupted before it
     * completed. A completed but uncommitted restore ({@code SWAPPED}) is left for the caller to judge.
     *
     * @return true when a rollback was done
     */
    public static boolean recover(Path dataDir) throws IOException {
        Optional<RestoreJournal> journal = pending(dataDir);
        if (journal.isEmpty() || journal.get().phase() == RestoreJournal.Phase.SWAPPED) return false;
        LOG.warn("An interrupted restore was found in {} ({}); rolling it back", dataDir, journal.get().phase());
        rollback(dataDir);
        return true;
    }

    private static List<String> topLevelNames(Path data) throws IOException {
        List<String> names = new ArrayList<>();
        for (String name : listNames(data)) {
            if (!BackupLayout.isReserved(name)) names.add(name);
        }
        return names;
    }

    private static List<String> listNames(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) names.add(child.getFileName().toString());
        }
        names.sort(null);
        return names;
    }

}
