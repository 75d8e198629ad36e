package dev.snapotter.server.features;

import dev.snapotter.ai.model.ModelNotInstalledException;
import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.catalogue.CatalogueEntry;
import dev.snapotter.server.audit.AuditAction;
import dev.snapotter.server.audit.AuditLog;
import dev.snapotter.server.auth.Guards;
import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.files.JobIds;
import dev.snapotter.server.files.SafeFileName;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.http.ClientIp;
import dev.snapotter.server.http.Json;
import dev.snapotter.server.tools.Uploads;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AI feature bundles, with SnapOtter's route names (research §3.8, §5): the listing for every signed-in
 * user, installs and removals for {@code features:manage}. Install progress streams over
 * {@code GET /api/v1/jobs/{jobId}/progress}. Running a tool whose bundle is missing answers
 * 501 {@code FEATURE_NOT_INSTALLED} with the bundle id and its installed size ({@link #registerErrors}).
 */
public final class FeatureRoutes {

    private final FeatureService features;
    private final AuditLog audit;

    public FeatureRoutes(FeatureService features, AuditLog audit) {
        this.features = features;
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/features", this::list);
        routes.get("/api/v1/admin/features/disk-usage", this::diskUsage);
        routes.post("/api/v1/admin/features/install-file", this::installFile);
        routes.post("/api/v1/admin/features/reset", this::reset);
        routes.post("/api/v1/admin/features/jobs/{jobId}/cancel", this::cancel);
        routes.post("/api/v1/admin/features/{bundleId}/install", this::install);
        routes.post("/api/v1/admin/features/{bundleId}/uninstall", this::uninstall);
        routes.delete("/api/v1/admin/features/{bundleId}", this::uninstall);
    }

    /**
     * A tool whose model is not installed: 501 with what to install (SnapOtter's FEATURE_NOT_INSTALLED).
     * {@code sizeBytes} is what the bundle occupies once installed, from the catalogue entry
     * ({@code installedBytes}, model and licence), not the size of the model file alone; {@code downloadBytes}
     * is added when the catalogue knows it. A bundle the catalogue does not know falls back to the model file's size.
     */
    public static void registerErrors(RoutesConfig routes, Catalogue catalogue) {
        routes.exception(ModelNotInstalledException.class, (e, ctx) -> {
            Optional<CatalogueEntry> entry = catalogue.find(e.bundleId());
            long size = entry.map(CatalogueEntry::installedBytes).orElse(e.sizeBytes());
            Long download = entry.map(CatalogueEntry::downloadBytes).orElse(null);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("bundleId", e.bundleId());
            details.put("sizeBytes", size);
            if (download != null) details.put("downloadBytes", download);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "This tool needs the AI feature '" + e.bundleId() + "', which is not installed");
            body.put("code", "FEATURE_NOT_INSTALLED");
            body.put("bundleId", e.bundleId());
            body.put("sizeBytes", size);
            if (download != null) body.put("downloadBytes", download);
            body.put("details", details);
            Json.send(ctx, 501, body);
        });
    }

    private void list(Context ctx) throws IOException {
        Guards.authenticated(ctx);
        Json.ok(ctx, features.list());
    }

    private void diskUsage(Context ctx) throws IOException {
        Guards.require(ctx, Permission.FEATURES_MANAGE);
        Json.ok(ctx, features.diskUsage());
    }

    private void install(Context ctx) {
        Principal p = Guards.require(ctx, Permission.FEATURES_MANAGE);
        String id = bundleId(ctx);
        String jobId = features.install(id, p.userId());
        audit.record(p, null, AuditAction.FEATURE_INSTALL_REQUESTED, "feature", id, Map.of("jobId", jobId), ClientIp.of(ctx));
        Json.send(ctx, 202, Map.of("jobId", jobId, "bundleId", id));
    }

    /** The air-gapped path: multipart field {@code file} holding a bundle archive. */
    private void installFile(Context ctx) throws IOException {
        Principal p = Guards.require(ctx, Permission.FEATURES_MANAGE);
        Uploads.requireMultipart(ctx);
        List<UploadedFile> files = Uploads.files(ctx);
        if (files.size() != 1) throw ApiError.badRequest("Upload exactly one bundle file (multipart field 'file')");
        UploadedFile f = files.getFirst();
        String name = SafeFileName.sanitize(f.filename());
        String jobId;
        try (InputStream in = f.content()) {
            jobId = features.installUpload(in, name, p.userId());
        }
        audit.record(p, null, AuditAction.FEATURE_INSTALL_REQUESTED, "feature", null, Map.of("jobId", jobId, "file", name, "size", f.size()),
                ClientIp.of(ctx));
        Json.send(ctx, 202, Map.of("jobId", jobId));
    }

    private void cancel(Context ctx) {
        Guards.require(ctx, Permission.FEATURES_MANAGE);
        String jobId = JobIds.require(ctx.pathParam("jobId"));
        if (!features.cancel(jobId)) throw ApiError.notFound("No queued or running install with this job id");
        Json.ok(ctx, Map.of("ok", true));
    }

    private void uninstall(Context ctx) throws IOException {
        Principal p = Guards.require(ctx, Permission.FEATURES_MANAGE);
        String id = bundleId(ctx);
        if (!features.uninstall(id)) throw ApiError.notFound("AI feature '" + id + "' is not installed");
        audit.record(p, null, AuditAction.FEATURE_UNINSTALLED, "feature", id, null, ClientIp.of(ctx));
        Json.ok(ctx, Map.of("ok", true, "diskUsage", features.diskUsage()));
    }

    private void reset(Context ctx) throws IOException {
        Principal p = Guards.require(ctx, Permission.FEATURES_MANAGE);
        features.reset();
        audit.record(p, null, AuditAction.FEATURES_RESET, "feature", null, null, ClientIp.of(ctx));
        Json.ok(ctx, Map.of("ok", true, "diskUsage", features.diskUsage()));
    }

    private static String bundleId(Context ctx) {
        String id = ctx.pathParam("bundleId");
        if (!BundleManifest.ID.matcher(id).matches()) throw ApiError.notFound("Unknown AI feature bundle");
        return id;
    }
}
