package dev.snapotter.archive;

import dev.snapotter.archive.UnsafeArchiveException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Unpacks an untrusted {@code .tar.gz} into a directory that does not exist yet. Only plain files and
 * folders are created (never links, devices or permissions from the archive), every file is hashed and
 * flushed to disk as it is written, and on any failure the whole new directory is deleted, so a caller
 * either gets a complete tree or nothing. Callers that switch the result into place (backup restore,
 * bundle install) rename the directory afterwards.
 */
public final class SafeTarExtractor {

    private SafeTarExtractor() {
    }

    /** Extracts into {@code newTargetDir} (created; its parent must exist) and lists the files written. */
    public static List<ExtractedFile> extract(InputStream gzipped, Path newTargetDir, ArchiveLimits limits) throws IOException {
        Path target = newTargetDir.toAbsolutePath().normalize();
        try {
            Files.createDirectory(target);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target.toString(), null, "extraction needs a new, empty target directory");
        }
        List<ExtractedFile> written = new ArrayList<>();
        try {
            SafeTarReader.read(gzipped, limits, (entry, content) -> {
                Path path = resolveInside(target, entry.name());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    written.add(writeFile(entry, content, path));
                }
            });
            return List.copyOf(written);
        } catch (IOException | RuntimeException e) {
            TreeDeleter.deleteQuietly(target);
            throw e;
        }
    }

    /** Defence in depth: {@link EntryNames} already refused every name that could leave {@code target}. */
    static Path resolveInside(Path target, String name) throws UnsafeArchiveException {
        Path path = target.resolve(name).normalize();
        if (!path.startsWith(target) || path.equals(target)) {
            throw new UnsafeArchiveException(Reason.PARENT_TRAVERSAL, name, "The archive entry '" + EntryNames.printable(name)
                    + "' would be written outside its folder; the archive was refused.");
        }
        return path;
    }

    private static ExtractedFile writeFile(ArchiveEntry entry, InputStream content, Path path) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int n; (n = content.read(buffer)) > 0; ) {
                size += n;
                if (size > entry.size()) break;
                digest.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) out.write(chunk);
            }
            out.force(true);
        }
        if (size != entry.size()) {
            throw new UnsafeArchiveException(Reason.TRUNCATED, entry.name(), "The archive entry '" + EntryNames.printable(entry.name())
                    + "' holds " + size + " bytes but declares " + entry.size() + "; the archive is incomplete.");
        }
        return new ExtractedFile(entry.name(), size, Sha256.hex(digest.digest()));
    }
}
