package dev.snapotter.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An app-consistent copy of a running SQLite database, taken with {@code VACUUM INTO} on a connection of
 * its own. In WAL mode that statement is one read transaction: writers keep committing to the WAL while
 * it runs (readers never block writers), and the copy is exactly the database as of the transaction's
 * start. The live {@code db}/{@code -wal}/{@code -shm} files are never copied (a byte copy of a WAL
 * database taken while it is written can be torn). See docs/adr/0070-backup-format-and-snapshot.md.
 */
public final class DatabaseSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSnapshot.class);
    /** How long the snapshot waits for a lock (only a checkpoint or schema change can hold one briefly). */
    static final int BUSY_TIMEOUT_MS = 30_000;

    private DatabaseSnapshot() {
    }

    /**
     * Writes a consistent copy of {@code liveDb} to a new file in {@code tempDir} and returns it. The copy is
     * a self-contained rollback-journal database (no WAL, no side files), ready to archive or move into place.
     * The live database is opened read-only and never modified.
     */
    public static Path take(Path liveDb, Path tempDir) throws IOException {
        if (!Files.isRegularFile(liveDb)) throw new IOException("no database at " + liveDb);
        Files.createDirectories(tempDir);
        Path target = Files.createTempFile(tempDir, "snapshot-", ".db");
        Files.delete(target); // VACUUM INTO needs a target that does not exist yet
        long started = System.nanoTime();
        try (Connection c = open(liveDb, true); PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        } catch (SQLException e) {
            Files.deleteIfExists(target);
            throw new IOException("could not snapshot the database " + liveDb + ": " + e.getMessage(), e);
        }
        try (Connection c = open(target, false); Statement s = c.createStatement()) {
            // A VACUUM INTO copy keeps the WAL flag of its source; a plain rollback-journal file has no side files
            // to lose in transit. The server switches it back to WAL when it opens it.
            s.execute("PRAGMA journal_mode=DELETE");
        } catch (SQLException e) {
            Files.deleteIfExists(target);
            throw new IOException("could not finish the database snapshot: " + e.getMessage(), e);
        }
        LOG.info("Database snapshot of {} taken in {} ms ({} bytes)", liveDb.getFileName(), (System.nanoTime() - started) / 1_000_000,
                Files.size(target));
        return target;
    }

    static Connection open(Path db, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }
}
