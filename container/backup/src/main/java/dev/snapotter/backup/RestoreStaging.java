package dev.snapotter.backup;

import dev.snapotter.archive.ExtractedFile;
import dev.snapotter.archive.SafeTarExtractor;
import dev.snapotter.archive.Sha256;
import dev.snapotter.archive.TreeDeleter;
import dev.snapotter.backup.BackupRejectedException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The checks around {@link DataDirRestorer}'s renames: unpacking into the staging folder and checking every
 * file, the database and its row counts there (before anything in the data folder moves), and checking again
 * once the files are in place.
 */
final class RestoreStaging {

    private static final long SPACE_MARGIN_BYTES = 64L << 20;

    private RestoreStaging() {
    }

    record Staged(Path dir, ManifestCheck check) {
    }

    /**
     * Installed AI models stay when the backup has none (a backup without models must not uninstall them), and
     * caches always stay: neither is ever in a backup, so replacing them would only delete them.
     */
    static boolean keep(String name, Staged staged) {
        if (Files.exists(staged.dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) return false;
        return BackupLayout.CACHE_DIRS.contains(name) || !staged.check.manifest().includesModels() && BackupLayout.MODEL_DIRS.contains(name);
    }

    /** Extracts and checks; on any failure the staging folder is gone and the data folder untouched. */
    static Staged stage(Path archive, char[] passphrase, Path data, int maxSchemaVersion) throws IOException {
        BackupManifest peek = BackupVerifier.readManifest(archive, passphrase);
        long free = Files.getFileStore(data).getUsableSpace();
        if (free < peek.totalBytes() + SPACE_MARGIN_BYTES) {
            throw new BackupRejectedException(Reason.NO_SPACE, "The restore needs " + mib(peek.totalBytes() + SPACE_MARGIN_BYTES)
                    + " MiB free next to the data, but only " + mib(free) + " MiB are free. Free some space and try again.");
        }
        Path staging = data.resolve(DataDirRestorer.STAGING_DIR);
        TreeDeleter.delete(staging); // left over from a restore that stopped before its journal existed
        try {
            List<ExtractedFile> files;
            try (InputStream gzip = BackupStreams.openGzip(archive, passphrase)) {
                files = SafeTarExtractor.extract(gzip, staging, BackupStreams.LIMITS);
                BackupStreams.drain(gzip);
            } catch (IOException e) {
                throw BackupStreams.classify(e);
            }
            if (files.isEmpty() || !files.getFirst().name().equals(BackupManifest.FILE_NAME)) {
                throw new BackupRejectedException(Reason.NOT_A_BACKUP, "The archive does not start with manifest.json; it is not a SnapOtter backup.");
            }
            Path manifestFile = staging.resolve(BackupManifest.FILE_NAME);
            ManifestCheck check = ManifestCheck.of(Files.readAllBytes(manifestFile), maxSchemaVersion);
            for (ExtractedFile f : files.subList(1, files.size())) check.file(f.name(), f.size(), f.sha256());
            check.complete();
            Files.delete(manifestFile);
            requireRowCounts(DatabaseFacts.read(staging.resolve(BackupLayout.DATABASE)), check.manifest(), "in the backup");
            Ownership.matchDataDir(staging, data);
            DataDirRestorer.hook.after("staged");
            return new Staged(staging, check);
        } catch (IOException | RuntimeException e) {
            TreeDeleter.delete(staging);
            throw e;
        }
    }

    static Map<String, Long> verifyInPlace(Path data, BackupManifest manifest) throws IOException {
        for (BackupFileEntry f : manifest.files()) {
            Path file = data.resolve(f.path());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != f.size() || !Sha256.of(file).equals(f.sha256())) {
                throw new IOException("'" + f.path() + "' does not match the backup after the move");
            }
        }
        DatabaseFacts facts = DatabaseFacts.read(data.resolve(BackupLayout.DATABASE));
        requireRowCounts(facts, manifest, "after the restore");
        return facts.tableRowCounts();
    }

    private static void requireRowCounts(DatabaseFacts facts, BackupManifest manifest, String where) throws BackupRejectedException {
        if (!manifest.tableRowCounts().isEmpty() && !manifest.tableRowCounts().equals(facts.tableRowCounts())) {
            throw new BackupRejectedException(Reason.TAMPERED, "The database " + where + " does not have the row counts its manifest lists ("
                    + facts.tableRowCounts() + " instead of " + manifest.tableRowCounts() + ").");
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
