package dev.snapotter.backup;

import dev.snapotter.archive.KeepOpenOutputStream;

import dev.snapotter.archive.Sha256;
import dev.snapotter.archive.TarGzWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a backup of a data folder as one stream: {@code manifest.json} first, then the database snapshot
 * under {@value BackupLayout#DATABASE}, then every other file {@link BackupLayout} includes, as a
 * {@code .tar.gz}, optionally encrypted (see docs/backup.md for the format).
 *
 * <p>The manifest must come first but lists every checksum, so files are hashed in a first pass and hashed
 * again while they are archived; a file that changes in between fails the backup instead of producing an
 * archive that would not verify.
 */
public final class BackupWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BackupWriter.class);

    private BackupWriter() {
    }

    /**
     * Backs up {@code dataDir} into {@code out} (not closed). The database {@code dataDir/snapotter.db} may be in
     * use by a running server; its snapshot is taken in a temp folder inside {@code dataDir} (same volume: the
     * image's root file system is read-only and its /tmp small) and deleted afterwards.
     */
    public static BackupManifest write(Path dataDir, BackupOptions options, OutputStream out, String appVersion) throws IOException {
        return write(dataDir, options, out, appVersion, dataDir.resolve(BackupLayout.RESERVED_PREFIX_BACKUP + "tmp-" + UUID.randomUUID()), KdfParams.DEFAULT);
    }

    /** As {@link #write(Path, BackupOptions, OutputStream, String)} with the snapshot in {@code tempDir} (deleted afterwards). */
    public static BackupManifest write(Path dataDir, BackupOptions options, OutputStream out, String appVersion, Path tempDir, KdfParams kdf)
            throws IOException {
        boolean created = !Files.exists(tempDir);
        Path snapshot = null;
        try {
            snapshot = DatabaseSnapshot.take(dataDir.resolve(BackupLayout.DATABASE), tempDir);
            return writeFromSnapshot(dataDir, snapshot, options, out, appVersion, kdf);
        } finally {
            if (snapshot != null) Files.deleteIfExists(snapshot);
            if (created) deleteEmptyDir(tempDir);
        }
    }

    /**
     * Writes a backup whose database is the already-taken {@code dbSnapshot} (the helper container snapshots a
     * copy because the volume is mounted read-only) and whose other files come from {@code dataDir}.
     */
    public static BackupManifest writeFromSnapshot(Path dataDir, Path dbSnapshot, BackupOptions options, OutputStream out, String appVersion,
                                                   KdfParams kdf) throws IOException {
        long started = System.nanoTime();
        Instant createdAt = Instant.now();
        DatabaseFacts facts = DatabaseFacts.read(dbSnapshot);
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(BackupLayout.DATABASE, dbSnapshot));
        for (Path file : DataDirScanner.filesToBackUp(dataDir, options.includeModels())) {
            sources.add(new Source(DataDirScanner.archivePath(dataDir, file), file));
        }
        List<BackupFileEntry> entries = new ArrayList<>(sources.size());
        for (Source s : sources) entries.add(new BackupFileEntry(s.name, Files.size(s.file), Sha256.of(s.file)));
        requireReadable(entries);
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, appVersion, facts.schemaVersion(), createdAt,
                SourceHost.name(), options.includeModels(), entries, facts.tableRowCounts());

        OutputStream sink = options.encrypted() ? new EncryptingOutputStream(new KeepOpenOutputStream(out), options.passphrase(), kdf) : new KeepOpenOutputStream(out);
        try (TarGzWriter tar = new TarGzWriter(sink, createdAt, CompressionChoice.level(entries))) {
            tar.addBytes(BackupManifest.FILE_NAME, ManifestJson.write(manifest));
            for (int i = 0; i < sources.size(); i++) addChecked(tar, sources.get(i), entries.get(i));
        }
        out.flush();
        long bytes = manifest.totalBytes();
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        LOG.info("Backup written: {} files, {} bytes in {} ms ({} MB/s){}", entries.size(), bytes, Math.round(seconds * 1000),
                Math.round(bytes / seconds / 1e6), options.encrypted() ? ", encrypted" : "");
        return manifest;
    }

    private record Source(String name, Path file) {
    }

    /** Never write a backup that {@link BackupVerifier} would refuse for its size. */
    private static void requireReadable(List<BackupFileEntry> entries) throws IOException {
        var limits = BackupStreams.LIMITS;
        if (entries.size() + 1 > limits.maxEntries()) {
            throw new IOException("the data folder holds " + entries.size() + " files; a backup holds at most " + (limits.maxEntries() - 1));
        }
        long total = 0;
        for (BackupFileEntry e : entries) {
            if (e.size() > limits.maxEntryBytes()) throw new IOException("'" + e.path() + "' is larger than a backup may hold (" + limits.maxEntryBytes() + " bytes)");
            total += e.size();
        }
        if (total > limits.maxTotalBytes()) throw new IOException("the data is larger than a backup may hold (" + limits.maxTotalBytes() + " bytes)");
    }

    private static void addChecked(TarGzWriter tar, Source source, BackupFileEntry expected) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(source.file, LinkOption.NOFOLLOW_LINKS), digest)) {
            tar.addStream(source.name, expected.size(), in);
        }
        if (!Sha256.hex(digest.digest()).equals(expected.sha256())) {
            throw new IOException("'" + source.name + "' changed while the backup was written; nothing was saved. Try again.");
        }
    }

    private static void deleteEmptyDir(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warn("Could not remove the backup temp folder {}: {}", dir, e.getMessage());
        }
    }
}
