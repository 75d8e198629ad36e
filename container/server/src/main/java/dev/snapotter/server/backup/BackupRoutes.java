package dev.snapotter.server.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapotter.backup.BackupLayout;
import dev.snapotter.backup.BackupManifest;
import dev.snapotter.backup.BackupOptions;
import dev.snapotter.backup.BackupWriter;
import dev.snapotter.backup.DatabaseFacts;
import dev.snapotter.backup.KdfParams;
import dev.snapotter.server.audit.AuditAction;
import dev.snapotter.server.audit.AuditLog;
import dev.snapotter.server.auth.Guards;
import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.config.StorageSettings;
import dev.snapotter.server.db.Database;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.http.ClientIp;
import dev.snapotter.server.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * {@code POST /api/v1/admin/backup} streams a backup of the data volume (docs/backup.md) and
 * {@code GET /api/v1/admin/backup/schema} tells clients which database schema this server runs, so they can
 * refuse a backup from a newer one before stopping anything. Only a full administrator may back up: the
 * archive holds every user's password hash, API key hashes and the audit log.
 */
public final class BackupRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRoutes.class);
    static final int MIN_PASSPHRASE_CHARS = 8;
    /** Idle timeout of the connection while a backup runs (the default 30 s would cut the silent hashing phase). */
    static final long SILENT_PHASE_TIMEOUT_MS = 30 * 60 * 1000L;
    private static final Set<String> FIELDS = Set.of("includeModels", "passphrase");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Database db;
    private final AuditLog audit;
    private final StorageSettings storage;
    private final String version;
    private final KdfParams kdf;
    /** One backup at a time: each holds a read transaction and a snapshot-sized temp file. */
    private final Semaphore running = new Semaphore(1);

    public BackupRoutes(Database db, AuditLog audit, StorageSettings storage, String version) {
        this(db, audit, storage, version, KdfParams.DEFAULT);
    }

    BackupRoutes(Database db, AuditLog audit, StorageSettings storage, String version, KdfParams kdf) {
        this.db = db;
        this.audit = audit;
        this.storage = storage;
        this.version = version;
        this.kdf = kdf;
        removeStaleTempDirs(storage.dataDir());
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/admin/backup", this::backup);
        routes.get("/api/v1/admin/backup/schema", this::schema);
    }

    private void schema(Context ctx) {
        Guards.require(ctx, Permission.SYSTEM_HEALTH);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schemaVersion", schemaVersion());
        out.put("appVersion", version);
        out.put("backupFormatVersion", BackupManifest.FORMAT_VERSION);
        Json.ok(ctx, out);
    }

    public int schemaVersion() {
        return db.with(DatabaseFacts::schemaVersion);
    }

    private void backup(Context ctx) {
        Principal p = requireFullAdmin(ctx);
        ObjectNode body = Json.bodyObject(ctx);
        BackupOptions options = options(body);
        if (!storage.dbPath().toAbsolutePath().normalize().equals(storage.dataDir().resolve(BackupLayout.DATABASE).toAbsolutePath().normalize())) {
            throw ApiError.conflict("Backups need the database at its default place, DATA_DIR/" + BackupLayout.DATABASE + " (DB_PATH is " + storage.dbPath() + ").");
        }
        if (!running.tryAcquire()) throw ApiError.conflict("A backup is already running; try again when it has finished.");
        long started = System.nanoTime();
        Counting counting = null;
        EndPoint endPoint = endPoint(ctx);
        long idleTimeout = endPoint == null ? 0 : endPoint.getIdleTimeout();
        // Nothing is sent while the snapshot is taken and every file hashed (the manifest comes first): with
        // models that can take minutes, longer than the connector's idle timeout.
        if (endPoint != null) endPoint.setIdleTimeout(Math.max(idleTimeout, SILENT_PHASE_TIMEOUT_MS));
        try {
            String name = "snapotter-backup-" + STAMP.format(Instant.now()) + (options.encrypted() ? ".tar.gz.enc" : ".tar.gz");
            ctx.status(200);
            ctx.contentType(options.encrypted() ? "application/octet-stream" : "application/gzip");
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
            ctx.header("Cache-Control", "no-store");
            counting = new Counting(ctx.outputStream());
            Path temp = storage.dataDir().resolve(BackupLayout.RESERVED_PREFIX_BACKUP + "tmp-" + UUID.randomUUID());
            BackupManifest manifest = BackupWriter.write(storage.dataDir(), options, counting, version, temp, kdf);
            counting.flush();
            long ms = (System.nanoTime() - started) / 1_000_000;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("bytes", counting.count);
            details.put("durationMs", ms);
            details.put("files", manifest.files().size());
            details.put("dataBytes", manifest.totalBytes());
            details.put("includeModels", options.includeModels());
            details.put("encrypted", options.encrypted());
            details.put("schemaVersion", manifest.schemaVersion());
            audit.record(p, null, AuditAction.BACKUP_CREATED, "backup", name, details, ClientIp.of(ctx));
        } catch (IOException | RuntimeException e) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.error("Backup failed after {} ms: {}", ms, e.getMessage());
            audit.record(p, null, AuditAction.BACKUP_FAILED, "backup", null,
                    Map.of("error", String.valueOf(e.getMessage()), "bytes", counting == null ? 0 : counting.count, "durationMs", ms), ClientIp.of(ctx));
            if (!ctx.res().isCommitted()) {
                ctx.res().setHeader("Content-Disposition", null);
                throw new ApiError(500, "BACKUP_FAILED", "The backup failed: " + e.getMessage(), null);
            }
            // Bytes are out: abort the connection so the client sees a broken transfer, never a short "complete"
            // file (which would fail verification anyway: no gzip trailer, no final encrypted segment).
            abort(ctx, e);
        } finally {
            if (endPoint != null) endPoint.setIdleTimeout(idleTimeout);
            if (options.passphrase() != null) Arrays.fill(options.passphrase(), '\0');
            running.release();
        }
    }

    private static EndPoint endPoint(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request == null ? null : request.getConnectionMetaData().getConnection().getEndPoint();
    }

    private static void abort(Context ctx, Throwable cause) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request != null) request.getServletChannel().abort(cause);
    }

    private static Principal requireFullAdmin(Context ctx) {
        Principal p = Guards.authenticated(ctx);
        if (!p.permissions().containsAll(EnumSet.allOf(Permission.class))) {
            throw ApiError.forbidden("Backups hold every user's data; only a full administrator may create them.");
        }
        return p;
    }

    private static BackupOptions options(ObjectNode body) {
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) throw ApiError.badRequest("Unknown field '" + field + "'; allowed: includeModels, passphrase");
        }
        JsonNode models = body.get("includeModels");
        if (models != null && !models.isBoolean() && !models.isNull()) throw ApiError.badRequest("includeModels must be true or false");
        JsonNode pass = body.get("passphrase");
        char[] passphrase = null;
        if (pass != null && !pass.isNull()) {
            if (!pass.isTextual()) throw ApiError.badRequest("passphrase must be a string");
            if (pass.asText().length() < MIN_PASSPHRASE_CHARS) {
                throw ApiError.badRequest("passphrase must be at least " + MIN_PASSPHRASE_CHARS + " characters");
            }
            passphrase = pass.asText().toCharArray();
        }
        return new BackupOptions(models != null && models.asBoolean(), passphrase);
    }

    /** Snapshot folders of backups that were cut short by a crash (none can be running while the server starts). */
    private static void removeStaleTempDirs(Path dataDir) {
        try (var children = Files.newDirectoryStream(dataDir, BackupLayout.RESERVED_PREFIX_BACKUP + "tmp-*")) {
            for (Path dir : children) {
                try (var files = Files.newDirectoryStream(dir)) {
                    for (Path f : files) Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
                LOG.info("Removed the temp folder of an interrupted backup: {}", dir);
            }
        } catch (IOException e) {
            LOG.warn("Could not clean up old backup temp folders in {}: {}", dataDir, e.getMessage());
        }
    }

    /** Counts what was sent, for the audit entry. */
    private static final class Counting extends java.io.FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }
}
