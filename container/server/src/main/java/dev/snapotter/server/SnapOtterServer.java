package dev.snapotter.server;

import dev.snapotter.backup.DataDirRestorer;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.server.config.ServerConfig;
import dev.snapotter.server.db.Database;
import dev.snapotter.server.db.DatabaseException;
import dev.snapotter.server.settings.SettingKey;
import dev.snapotter.server.users.InitialAdmin;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's lifecycle: checks, database, first admin, HTTP, housekeeping — and the graceful
 * stop on SIGTERM: stop accepting, let in-flight jobs finish (or fail them after SHUTDOWN_GRACE_S),
 * let responses drain, checkpoint the WAL, close the database.
 */
public final class SnapOtterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapOtterServer.class);

    private final Services services;
    private final HttpApp http;
    private final ScheduledExecutorService housekeeping;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;

    private SnapOtterServer(Services services, HttpApp http, ScheduledExecutorService housekeeping) {
        this.services = services;
        this.http = http;
        this.housekeeping = housekeeping;
    }

    public static SnapOtterServer start(ServerConfig config) {
        return start(config, UidSource.system());
    }

    public static SnapOtterServer start(ServerConfig config, UidSource uid) {
        return start(config, uid, Catalogue.builtIn());
    }

    /**
     * With another AI bundle catalogue than the one shipped in the bundles jar (tests: a loopback
     * download origin). The catalogue is the only list of allowed download origins.
     */
    public static SnapOtterServer start(ServerConfig config, UidSource uid, Catalogue catalogue) {
        LogLevels.apply(config.logLevel());
        RootCanary.check(uid, LOG::warn);
        WritableDirs.require(config.storage().dataDir(), "DATA_DIR", uid);
        WritableDirs.require(config.storage().workspacePath(), "WORKSPACE_PATH", uid);
        WritableDirs.require(config.storage().dbPath().toAbsolutePath().getParent(), "DB_PATH", uid);
        recoverInterruptedRestore(config.storage().dataDir());
        Database db;
        try {
            db = Database.open(config.storage().dbPath());
        } catch (DatabaseException | org.flywaydb.core.api.FlywayException e) {
            throw new StartupException("Cannot open the database " + config.storage().dbPath() + ": " + e.getMessage(), e);
        }
        try {
            Services s = new Services(config, db, catalogue);
            prepareState(s);
            HttpApp http = new HttpApp(s);
            http.app.start();
            ScheduledExecutorService hk = housekeeping(s, http);
            SnapOtterServer server = new SnapOtterServer(s, http, hk);
            LOG.info("SnapOtter server {} listening on {}:{} (engine backend: {}, {} worker(s), auth {})", config.version(),
                    config.http().host(), server.port(), s.engine.codec().name(), s.pool.workers(), config.auth().enabled() ? "on" : "OFF");
            return server;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * A restore cut short (power loss, killed helper container) leaves a journal in the data folder; the old data
     * is put back before the database is opened, so the server never starts on a half-swapped folder.
     */
    private static void recoverInterruptedRestore(Path dataDir) {
        try {
            if (DataDirRestorer.recover(dataDir)) LOG.warn("Rolled back an interrupted restore in {}", dataDir);
        } catch (IOException e) {
            throw new StartupException("An interrupted restore in " + dataDir + " could not be rolled back: " + e.getMessage()
                    + ". Run the backup helper's 'recover' command (docs/backup.md) before starting the server.", e);
        }
    }

    private static void prepareState(Services s) {
        s.roles.seedBuiltIns();
        s.settings.load();
        InitialAdmin.ensure(s.config.auth(), s.config.storage().dataDir(), s.users, s.hasher);
        int stale = s.jobs.failStale();
        if (stale > 0) LOG.info("Marked {} job(s) interrupted by the last shutdown as failed", stale);
        s.sessions.purgeExpired();
        if (s.settings.boolOr(SettingKey.STARTUP_CLEANUP, true)) cleanup(s, s.imageJobs::isActive);
    }

    private static void cleanup(Services s, java.util.function.Predicate<String> inUse) {
        int hours = s.settings.intOr(SettingKey.TEMP_FILE_MAX_AGE_HOURS, s.config.storage().fileMaxAgeHours());
        s.workspace.cleanup(Duration.ofHours(hours), inUse);
    }

    private static ScheduledExecutorService housekeeping(Services s, HttpApp http) {
        ScheduledExecutorService hk = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "housekeeping");
            t.setDaemon(true);
            return t;
        });
        long every = s.config.storage().cleanupIntervalMinutes();
        hk.scheduleWithFixedDelay(() -> guarded(() -> cleanup(s, s.imageJobs::isActive)), every, every, TimeUnit.MINUTES);
        hk.scheduleWithFixedDelay(() -> guarded(() -> {
            s.sessions.purgeExpired();
            s.hub.evict();
            http.rateLimiter.evictIdle();
        }), 1, 1, TimeUnit.MINUTES);
        return hk;
    }

    private static void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping task failed: {}", e.getMessage());
        }
    }

    public int port() {
        return http.app.port();
    }

    /** Registered endpoints as "METHOD /path". */
    public Set<String> routes() {
        return Set.copyOf(http.routes);
    }

    /** Blocks until {@link #stop()} completed. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Graceful stop; safe to call more than once and from a shutdown hook. */
    public void stop() {
        synchronized (this) {
            if (stopping) {
                awaitQuietly();
                return;
            }
            stopping = true;
        }
        Duration grace = Duration.ofSeconds(services.config.limits().shutdownGraceSeconds());
        long deadline = System.nanoTime() + grace.toNanos();
        LOG.info("Shutting down: refusing new work, waiting up to {} s for {} running and {} queued job(s)",
                grace.toSeconds(), services.pool.active(), services.pool.pending());
        try {
            http.inFlight.startDraining();
            closeConnectors();
            boolean finished = services.pool.shutdown(grace);
            if (!finished) LOG.warn("Jobs still running at the end of the grace period were cancelled and marked failed");
            services.hub.closeAll();
            long left = Math.max(2_000_000_000L, deadline - System.nanoTime());
            if (!http.inFlight.awaitIdle(Duration.ofNanos(left))) {
                LOG.warn("{} request(s) still open at shutdown", http.inFlight.count());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                http.app.stop();
            } catch (RuntimeException e) {
                LOG.warn("Stopping HTTP failed: {}", e.getMessage());
            }
            housekeeping.shutdownNow();
            services.features.close();
            services.db.close();
            LOG.info("Shutdown complete");
            stopped.countDown();
        }
    }

    private void closeConnectors() {
        for (Connector c : http.app.jettyServer().server().getConnectors()) {
            if (c instanceof NetworkConnector nc) nc.close();
        }
    }

    private void awaitQuietly() {
        try {
            stopped.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
