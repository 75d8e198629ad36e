package dev.snapotter.archive;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.Deflater;

/**
 * Writes a {@code .tar.gz} that {@link SafeTarReader} accepts: names checked by the same rules, plain
 * files and folders only, owner 0:0, modes 0644/0755, one timestamp for every entry (pass a fixed one for
 * reproducible bundles). Long names use PAX headers. Sizes are checked as files are copied, so a file
 * that changes while it is being archived fails the write instead of producing a corrupt entry.
 *
 * <p>{@link #finish()} completes the archive and leaves the target stream open (the caller may still
 * fsync and rename it); {@link #close()} finishes and closes it.
 */
public final class TarGzWriter implements Closeable {

    private final KeepOpenOutputStream target;
    private final TarArchiveOutputStream tar;
    private final FileTime modified;
    private final EntryRegistry registry = new EntryRegistry();
    private boolean finished;

    public TarGzWriter(OutputStream target) throws IOException {
        this(target, Instant.now(), Deflater.DEFAULT_COMPRESSION);
    }

    /** @param level a {@link Deflater} level; 1 is several times faster and fine for already-compressed images */
    public TarGzWriter(OutputStream out, Instant modified, int level) throws IOException {
        GzipParameters parameters = new GzipParameters();
        parameters.setCompressionLevel(level);
        this.target = new KeepOpenOutputStream(out);
        this.tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(this.target, parameters), 1 << 16);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        this.modified = FileTime.from(modified);
    }

    public void addDirectory(String name) throws IOException {
        String safe = EntryNames.normalise(name);
        registry.register(safe, true);
        TarArchiveEntry entry = new TarArchiveEntry(safe + "/");
        stamp(entry, 0755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    public void addBytes(String name, byte[] content) throws IOException {
        addStream(name, content.length, new ByteArrayInputStream(content));
    }

    public void addFile(String name, Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file; archives hold plain files only");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            addStream(name, Files.size(file), in);
        }
    }

    /** Copies exactly {@code size} bytes from {@code content}; fewer or more is an error. */
    public void addStream(String name, long size, InputStream content) throws IOException {
        String safe = EntryNames.normalise(name);
        registry.register(safe, false);
        TarArchiveEntry entry = new TarArchiveEntry(safe);
        entry.setSize(size);
        stamp(entry, 0644);
        tar.putArchiveEntry(entry);
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        for (int n; copied < size && (n = content.read(buffer, 0, (int) Math.min(buffer.length, size - copied))) > 0; ) {
            tar.write(buffer, 0, n);
            copied += n;
        }
        if (copied != size || content.read() >= 0) {
            throw new IOException("'" + safe + "' changed while it was archived (expected " + size + " bytes)");
        }
        tar.closeArchiveEntry();
    }

    private void stamp(TarArchiveEntry entry, int mode) {
        entry.setMode((entry.isDirectory() ? 0040000 : 0100000) | mode);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setLastModifiedTime(modified);
    }

    /** Writes the tar end blocks and the gzip trailer; the target stream stays open. */
    public void finish() throws IOException {
        if (finished) return;
        finished = true;
        tar.finish();
        tar.close(); // closes gzip, which writes its trailer; KeepOpenOutputStream shields the target
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            target.closeTarget();
        }
    }
}
