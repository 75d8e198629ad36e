package dev.snapotter.archive;

import dev.snapotter.archive.UnsafeArchiveException.Reason;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the entries of an untrusted {@code .tar.gz} in order and refuses it at the first entry that
 * is not a plain file or directory with a safe relative name, or that breaks a cap in
 * {@link ArchiveLimits}. Nothing is written anywhere; callers decide what to do with each entry
 * (verify a checksum, extract with {@link SafeTarExtractor}).
 *
 * <p>The gzip trailer (CRC-32 and length) is read and checked after the last entry, so a flipped bit
 * anywhere in the compressed stream is reported as {@link Reason#CORRUPT} even when every tar header
 * still parses.
 */
public final class SafeTarReader {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private SafeTarReader() {
    }

    /** Reads every entry of {@code gzipped}; the caller closes the stream. */
    public static void read(InputStream gzipped, ArchiveLimits limits, EntryVisitor visitor) throws IOException {
        InputStream buffered = new BufferedInputStream(gzipped, 1 << 16);
        requireGzip(buffered);
        CountingInputStream compressed = new CountingInputStream(buffered);
        RatioGuardInputStream inflated;
        TarArchiveInputStream tar;
        try {
            inflated = new RatioGuardInputStream(new GzipCompressorInputStream(compressed, false), compressed, limits.maxCompressionRatio());
            tar = new TarArchiveInputStream(inflated);
        } catch (IOException e) {
            throw damaged(e);
        }
        EntryRegistry registry = new EntryRegistry();
        int entries = 0;
        long total = 0;
        for (TarArchiveEntry raw = next(tar); raw != null; raw = next(tar)) {
            String name = EntryNames.normalise(raw.getName());
            requirePlain(raw, name);
            if (++entries > limits.maxEntries()) {
                throw new UnsafeArchiveException(Reason.TOO_MANY_ENTRIES, raw.getName(),
                        "The archive holds more than " + limits.maxEntries() + " entries; the archive was refused.");
            }
            long size = raw.isDirectory() ? 0 : raw.getSize();
            if (size > limits.maxEntryBytes()) {
                throw new UnsafeArchiveException(Reason.ENTRY_TOO_LARGE, raw.getName(), "The archive entry '" + EntryNames.printable(name)
                        + "' is " + size + " bytes, over the limit of " + limits.maxEntryBytes() + "; the archive was refused.");
            }
            total += size;
            if (total > limits.maxTotalBytes()) {
                throw new UnsafeArchiveException(Reason.TOTAL_TOO_LARGE, raw.getName(), "The archive unpacks to more than "
                        + limits.maxTotalBytes() + " bytes; the archive was refused.");
            }
            registry.register(name, raw.isDirectory());
            visitor.visit(new ArchiveEntry(name, size, raw.isDirectory()), new EntryContent(tar));
        }
        drainTrailer(inflated);
    }

    private static void requireGzip(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 < 0) throw new UnsafeArchiveException(Reason.NOT_AN_ARCHIVE, null, "The file is empty; it is not an archive.");
        if (b1 != GZIP_MAGIC_1 || b2 != GZIP_MAGIC_2) {
            throw new UnsafeArchiveException(Reason.NOT_AN_ARCHIVE, null, "The file is not a .tar.gz archive (no gzip header).");
        }
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (UnsafeArchiveException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(e);
        }
    }

    private static void requirePlain(TarArchiveEntry raw, String name) throws UnsafeArchiveException {
        if (raw.isSymbolicLink() || raw.isLink()) {
            throw new UnsafeArchiveException(Reason.LINK, raw.getName(), "The archive entry '" + EntryNames.printable(name)
                    + "' is a link; archives may hold only files and folders, so the archive was refused.");
        }
        if (!raw.isFile() && !raw.isDirectory() || raw.isCharacterDevice() || raw.isBlockDevice() || raw.isFIFO() || raw.isSparse()) {
            throw new UnsafeArchiveException(Reason.SPECIAL_FILE, raw.getName(), "The archive entry '" + EntryNames.printable(name)
                    + "' is a device, pipe or other special file; the archive was refused.");
        }
        if (raw.getSize() < 0) {
            throw new UnsafeArchiveException(Reason.CORRUPT, raw.getName(), "The archive entry '" + EntryNames.printable(name)
                    + "' declares a negative size; the archive is damaged.");
        }
    }

    /** Reads past the tar end blocks to the gzip trailer, so its CRC and length are checked. */
    private static void drainTrailer(InputStream inflated) throws IOException {
        byte[] sink = new byte[1 << 14];
        try {
            while (inflated.read(sink) >= 0) {
                // tar padding after the end-of-archive blocks; content is irrelevant, the CRC check is the point
            }
        } catch (UnsafeArchiveException e) {
            throw e;
        } catch (IOException e) {
            throw damaged(e);
        }
    }

    static UnsafeArchiveException damaged(Exception e) {
        boolean truncated = e instanceof EOFException || String.valueOf(e.getMessage()).toLowerCase().contains("truncated")
                || String.valueOf(e.getMessage()).toLowerCase().contains("unexpected end");
        return truncated
                ? new UnsafeArchiveException(Reason.TRUNCATED, null, "The archive is incomplete (cut off before its end).", e)
                : new UnsafeArchiveException(Reason.CORRUPT, null, "The archive is damaged: " + e.getMessage(), e);
    }

    /**
     * One entry's bytes for a visitor: never closes the tar stream, and turns a read failure of the
     * archive into a typed refusal (a truncated file shows up here, mid-entry).
     */
    private static final class EntryContent extends FilterInputStream {

        EntryContent(InputStream tar) {
            super(tar);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (UnsafeArchiveException e) {
                throw e;
            } catch (IOException e) {
                throw damaged(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (UnsafeArchiveException e) {
                throw e;
            } catch (IOException e) {
                throw damaged(e);
            }
        }

        @Override
        public void close() {
            // the archive stream belongs to SafeTarReader
        }
    }
}
