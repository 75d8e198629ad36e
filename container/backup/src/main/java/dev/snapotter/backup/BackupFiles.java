package dev.snapotter.backup;

import dev.snapotter.archive.KeepOpenOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writing backup files so that an interrupted write (exception, kill, power loss) never leaves a file that
 * looks like a finished backup: the bytes go to {@code .<name>.<random>.partial} in the destination's
 * folder, are fsynced, and only then renamed to the final name (same directory, so the rename is atomic),
 * after which the directory is fsynced too. A killed process leaves at most the {@code .partial} file.
 */
public final class BackupFiles {

    public static final String PARTIAL_SUFFIX = ".partial";

    private BackupFiles() {
    }

    /**
     * Runs {@code writer} against a temp file next to {@code destination} and moves it into place on success.
     * An existing {@code destination} is never overwritten ({@link FileAlreadyExistsException}).
     */
    public static void writeAtomically(Path destination, IoConsumer<OutputStream> writer) throws IOException {
        writeAtomically(destination, false, writer);
    }

    /** As {@link #writeAtomically(Path, IoConsumer)}; {@code replaceExisting} for a destination the user chose to overwrite. */
    public static void writeAtomically(Path destination, boolean replaceExisting, IoConsumer<OutputStream> writer) throws IOException {
        Path target = destination.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (!replaceExisting && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a file with this name exists; choose another name");
        }
        Files.createDirectories(dir);
        Path partial = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + PARTIAL_SUFFIX);
        boolean done = false;
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            writer.accept(new KeepOpenOutputStream(out));
            out.flush();
            channel.force(true);
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(partial);
        }
        try {
            if (!replaceExisting && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString(), null, "a file with this name appeared while the backup was written");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(partial);
            throw new IOException("cannot rename into " + target + " atomically: " + e.getMessage(), e);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        fsyncDirectory(dir);
    }

    /** Makes a rename durable (Linux, macOS); a no-op where directories cannot be opened (Windows). */
    static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort: not every platform can fsync a directory
        }
    }
}
