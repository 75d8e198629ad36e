package dev.snapotter.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * The database snapshot when the server is down and the volume is mounted read-only (the helper container):
 * SQLite cannot open a WAL database on a read-only mount, so {@code db} and {@code -wal} are copied to a
 * writable temp folder, the copy's WAL is folded in, and the snapshot is taken from the copy. The live
 * {@code -shm} is never copied (it is an index SQLite rebuilds). A database that changes during the copy
 * means the server is running after all: refused, because only the API can back up a running server safely.
 */
final class OfflineSnapshot {

    private OfflineSnapshot() {
    }

    static Path take(Path dataDir, Path tempDir) throws IOException {
        Path db = dataDir.resolve(BackupLayout.DATABASE);
        Path wal = dataDir.resolve(BackupLayout.DATABASE + "-wal");
        if (!Files.isRegularFile(db, LinkOption.NOFOLLOW_LINKS)) throw new IOException("no database at " + db);
        Path work = Files.createTempDirectory(Files.createDirectories(tempDir), "offline-");
        Path copy = work.resolve(BackupLayout.DATABASE);
        try {
            String before = stamp(db) + stamp(wal);
            Files.copy(db, copy, StandardCopyOption.COPY_ATTRIBUTES);
            if (Files.exists(wal, LinkOption.NOFOLLOW_LINKS)) Files.copy(wal, work.resolve(BackupLayout.DATABASE + "-wal"));
            if (!before.equals(stamp(db) + stamp(wal))) {
                throw new IOException("the database changed while it was being copied: the server is still running. Stop it first, "
                        + "or back up through the server (POST /api/v1/admin/backup)");
            }
            try (Connection c = DatabaseSnapshot.open(copy, false); Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // folds committed WAL frames into the copy
            } catch (SQLException e) {
                throw new IOException("the copied database cannot be opened: " + e.getMessage(), e);
            }
            Path snapshot = DatabaseSnapshot.take(copy, tempDir);
            return snapshot;
        } finally {
            for (String name : new String[] {"", "-wal", "-shm", "-journal"}) Files.deleteIfExists(work.resolve(BackupLayout.DATABASE + name));
            Files.deleteIfExists(work);
        }
    }

    private static String stamp(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return "absent;";
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.size() + "@" + a.lastModifiedTime().toMillis() + "#" + Objects.toString(a.fileKey()) + ";";
    }
}
