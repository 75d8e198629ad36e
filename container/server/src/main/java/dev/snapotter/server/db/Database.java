package dev.snapotter.server.db;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite database: one connection in WAL mode, serialised by a lock. Every query here is a
 * millisecond-scale point lookup or insert, so one connection is simpler and faster than a pool
 * and sidesteps SQLITE_BUSY between our own writers (see docs/adr/0022).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Applies pending migrations, then opens the shared connection. */
    public static Database open(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        migrate(url);
        try {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                // busy_timeout first so the others wait instead of failing if a backup tool holds a lock.
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
            }
            return new Database(file, c);
        } catch (SQLException e) {
            throw new DatabaseException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(String url) {
        Flyway flyway = Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        var result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Database migrated to schema version {} ({} migration(s) applied)", result.targetSchemaVersion, result.migrationsExecuted);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs work with the connection held exclusively. */
    public <T> T with(SqlWork<T> work) {
        lock.lock();
        try {
            if (closed) throw new DatabaseException("database is closed", null);
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException("database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work in one transaction: all of it is committed, or none. */
    public <T> T transaction(SqlWork<T> work) {
        return with(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** True when a real query against the schema succeeds (the public health check). */
    public boolean isHealthy() {
        try {
            return with(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM settings")) {
                    return rs.next();
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Folds the WAL back into the database file and closes; called last on shutdown. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) return;
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                LOG.info("Database WAL checkpointed");
            } catch (SQLException e) {
                LOG.warn("WAL checkpoint failed: {}", e.getMessage());
            }
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing the database failed: {}", e.getMessage());
            }
            closed = true;
            LOG.info("Database closed");
        } finally {
            lock.unlock();
        }
    }
}
