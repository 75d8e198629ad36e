package dev.snapotter.server.health;

import dev.snapotter.server.auth.Guards;
import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.db.Database;
import dev.snapotter.server.http.InFlight;
import dev.snapotter.server.http.Json;
import dev.snapotter.server.jobs.WorkerPool;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/v1/health} (public, for HEALTHCHECK) and {@code GET /api/v1/admin/health} (system:health). */
public final class HealthRoutes {

    private final String version;
    private final String backend;
    private final String backendVersion;
    private final Database db;
    private final WorkerPool pool;
    private final InFlight inFlight;
    private final Path dataDir;
    private final Path workspace;
    private final Instant started = Instant.now();

    public HealthRoutes(String version, String backend, String backendVersion, Database db, WorkerPool pool, InFlight inFlight, Path dataDir, Path workspace) {
        this.version = version;
        this.backend = backend;
        this.backendVersion = backendVersion;
        this.db = db;
        this.pool = pool;
        this.inFlight = inFlight;
        this.dataDir = dataDir;
        this.workspace = workspace;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/health", this::health);
        routes.get("/api/v1/admin/health", this::adminHealth);
    }

    private void health(Context ctx) {
        boolean ok = db.isHealthy() && !inFlight.draining();
        Json.send(ctx, ok ? 200 : 503, Map.of("status", ok ? "healthy" : "unhealthy", "version", version));
    }

    private void adminHealth(Context ctx) {
        Guards.require(ctx, Permission.SYSTEM_HEALTH);
        boolean dbOk = db.isHealthy();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", dbOk ? "healthy" : "degraded");
        out.put("version", version);
        long uptime = Duration.between(started, Instant.now()).toSeconds();
        out.put("uptime", uptime + "s");
        out.put("uptimeSeconds", uptime);
        out.put("database", dbOk ? "ok" : "error");
        out.put("engine", Map.of("backend", backend, "version", backendVersion));
        out.put("queue", Map.of("active", pool.active(), "pending", pool.pending(), "depth", pool.active() + pool.pending(),
                "workers", pool.workers(), "capacity", pool.capacity()));
        out.put("storage", Map.of("mode", "local", "data", disk(dataDir), "workspace", disk(workspace)));
        Runtime rt = Runtime.getRuntime();
        out.put("memory", Map.of("heapUsedBytes", rt.totalMemory() - rt.freeMemory(), "heapMaxBytes", rt.maxMemory()));
        Json.ok(ctx, out);
    }

    private static Map<String, Object> disk(Path p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", p.toString());
        try {
            FileStore store = Files.getFileStore(p);
            m.put("freeBytes", store.getUsableSpace());
            m.put("totalBytes", store.getTotalSpace());
        } catch (IOException e) {
            m.put("available", "N/A");
        }
        return m;
    }
}
