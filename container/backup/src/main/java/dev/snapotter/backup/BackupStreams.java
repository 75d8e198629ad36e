package dev.snapotter.backup;

import dev.snapotter.archive.ArchiveLimits;
import dev.snapotter.archive.UnsafeArchiveException;
import dev.snapotter.backup.BackupRejectedException.Reason;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opening a backup file for reading: recognises the encryption header or the gzip magic, decrypts when
 * needed, and turns every low-level failure into a {@link BackupRejectedException} with a plain message.
 */
final class BackupStreams {

    /** Caps for reading backups: models may be large (14 GB for SnapOtter's full AI set), counts modest. */
    static final ArchiveLimits LIMITS = new ArchiveLimits(200_000, 64L << 30, 256L << 30, 1_000);

    private BackupStreams() {
    }

    /** True when the file starts with the encryption header's magic. */
    static boolean isEncrypted(Path archive) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            byte[] head = in.readNBytes(EncryptionHeader.MAGIC.length);
            return EncryptionHeader.hasMagic(head, head.length);
        }
    }

    /** The gzip stream inside {@code archive} (decrypted when it is encrypted). */
    static InputStream openGzip(Path archive, char[] passphrase) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
        try {
            raw.mark(EncryptionHeader.MAGIC.length);
            byte[] head = raw.readNBytes(EncryptionHeader.MAGIC.length);
            raw.reset();
            if (EncryptionHeader.hasMagic(head, head.length)) {
                if (passphrase == null || passphrase.length == 0) {
                    throw new BackupRejectedException(Reason.PASSPHRASE_REQUIRED, "This backup is encrypted; enter its passphrase to open it.");
                }
                return new DecryptingInputStream(raw, passphrase);
            }
            if (head.length < 2 || (head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b) {
                throw new BackupRejectedException(Reason.NOT_A_BACKUP, head.length == 0 ? "The file is empty; it is not a backup."
                        : "The file is not a SnapOtter backup (neither a .tar.gz nor an encrypted backup).");
            }
            return raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Reads whatever is left so an encrypted stream's final segment (and so its completeness) is checked. */
    static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[1 << 16];
        while (in.read(sink) >= 0) {
            // discard: tar padding after the end blocks
        }
    }

    /** Maps a failure while reading a backup to a refusal a person can act on. */
    static BackupRejectedException classify(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BackupRejectedException r) return r;
        }
        if (e instanceof UnsafeArchiveException u) {
            Reason reason = switch (u.reason()) {
                case NOT_AN_ARCHIVE -> Reason.NOT_A_BACKUP;
                case CORRUPT -> Reason.CORRUPT;
                case TRUNCATED -> Reason.TRUNCATED;
                case ABSOLUTE_PATH, PARENT_TRAVERSAL, BAD_NAME, DUPLICATE, LINK, SPECIAL_FILE -> Reason.UNSAFE_ENTRY;
                case TOO_MANY_ENTRIES, ENTRY_TOO_LARGE, TOTAL_TOO_LARGE, COMPRESSION_RATIO -> Reason.TOO_LARGE;
                default -> Reason.UNSAFE_ENTRY; // a refusal reason added to the archive module later
            };
            return new BackupRejectedException(reason, u.getMessage(), u);
        }
        return new BackupRejectedException(Reason.CORRUPT, "The backup could not be read: " + e.getMessage(), e);
    }
}
