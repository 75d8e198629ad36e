package dev.snapotter.backup;

import dev.snapotter.archive.SafeTarReader;
import dev.snapotter.archive.Sha256;
import dev.snapotter.backup.BackupRejectedException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * Checks a backup file completely without writing anything: decryption (if encrypted), the gzip and tar
 * structure and entry safety ({@link SafeTarReader}), manifest first, schema not newer than the running
 * one, and every file's size and SHA-256 against the manifest with nothing extra or missing.
 */
public final class BackupVerifier {

    private BackupVerifier() {
    }

    /**
     * Verifies {@code archive}; {@code passphrase} may be null for an unencrypted backup.
     *
     * @param maxSchemaVersion the newest database schema this SnapOtter can run (its latest migration)
     * @throws BackupRejectedException with the reason and a plain-language message
     */
    public static BackupSummary verify(Path archive, char[] passphrase, int maxSchemaVersion) throws IOException {
        ManifestCheck[] check = new ManifestCheck[1];
        long[] totals = new long[2];
        try (InputStream gzip = BackupStreams.openGzip(archive, passphrase)) {
            SafeTarReader.read(gzip, BackupStreams.LIMITS, (entry, content) -> {
                if (check[0] == null) {
                    check[0] = ManifestCheck.of(readManifestEntry(entry.name(), entry.isDirectory(), content), maxSchemaVersion);
                    return;
                }
                if (entry.isDirectory()) {
                    check[0].directory(entry.name());
                    return;
                }
                MessageDigest digest = Sha256.newDigest();
                long size = new DigestInputStream(content, digest).transferTo(java.io.OutputStream.nullOutputStream());
                check[0].file(entry.name(), size, Sha256.hex(digest.digest()));
                totals[0] += size;
                totals[1]++;
            });
            BackupStreams.drain(gzip);
        } catch (IOException e) {
            throw BackupStreams.classify(e);
        }
        if (check[0] == null) throw new BackupRejectedException(Reason.NOT_A_BACKUP, "The archive is empty; it is not a SnapOtter backup.");
        check[0].complete();
        return new BackupSummary(check[0].manifest(), totals[0], (int) totals[1]);
    }

    /**
     * Reads only the manifest (the first entry) for a quick "what is in this backup" view; nothing beyond it is
     * checked, so call {@link #verify} before trusting the archive.
     */
    public static BackupManifest readManifest(Path archive, char[] passphrase) throws IOException {
        BackupManifest[] found = new BackupManifest[1];
        try (InputStream gzip = BackupStreams.openGzip(archive, passphrase)) {
            SafeTarReader.read(gzip, BackupStreams.LIMITS, (entry, content) -> {
                found[0] = ManifestCheck.of(readManifestEntry(entry.name(), entry.isDirectory(), content), Integer.MAX_VALUE).manifest();
                throw new StopReading();
            });
        } catch (StopReading stop) {
            return found[0];
        } catch (IOException e) {
            throw BackupStreams.classify(e);
        }
        throw new BackupRejectedException(Reason.NOT_A_BACKUP, "The archive is empty; it is not a SnapOtter backup.");
    }

    /** True when the file is an encrypted backup (starts with the encryption header). */
    public static boolean isEncrypted(Path archive) throws IOException {
        return BackupStreams.isEncrypted(archive);
    }

    static byte[] readManifestEntry(String name, boolean directory, InputStream content) throws IOException {
        if (directory || !name.equals(BackupManifest.FILE_NAME)) {
            throw new BackupRejectedException(Reason.NOT_A_BACKUP, "The archive does not start with manifest.json (it starts with '"
                    + ManifestCheck.printable(name) + "'); it is not a SnapOtter backup.");
        }
        byte[] json = content.readNBytes(ManifestJson.MAX_MANIFEST_BYTES + 1);
        if (json.length > ManifestJson.MAX_MANIFEST_BYTES) throw new BackupRejectedException(Reason.TOO_LARGE, "The backup's manifest is too large.");
        return json;
    }

    /** Ends a read after the manifest. */
    private static final class StopReading extends IOException {
        StopReading() {
            super(null, null);
        }
    }
}
