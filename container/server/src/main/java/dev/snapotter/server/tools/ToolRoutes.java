package dev.snapotter.server.tools;

import dev.snapotter.engine.pipeline.ValidatedPipeline;
import dev.snapotter.engine.tool.ReportTool;
import dev.snapotter.engine.tool.Tool;
import dev.snapotter.server.auth.Guards;
import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.files.SafeFileName;
import dev.snapotter.server.files.Workspace;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /api/v1/tools}: the catalogue (from the engine's descriptors), one file through one tool
 * (JSON with downloadUrl), and batches (streamed ZIP).
 */
public final class ToolRoutes {

    private final ImageJobs jobs;
    private final Supplier<Set<String>> disabledTools;
    private final int maxBatchSize;

    public ToolRoutes(ImageJobs jobs, Supplier<Set<String>> disabledTools, int maxBatchSize) {
        this.jobs = jobs;
        this.disabledTools = disabledTools;
        this.maxBatchSize = maxBatchSize;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/tools", this::list);
        routes.get("/api/v1/tools/{toolId}", this::describe);
        routes.post("/api/v1/tools/{toolId}", this::single);
        routes.post("/api/v1/tools/{toolId}/batch", this::batch);
    }

    private void list(Context ctx) {
        Guards.require(ctx, Permission.TOOLS_USE);
        Set<String> disabled = disabledTools.get();
        Json.ok(ctx, Map.of("tools", jobs.engine().catalog().all().stream()
                .filter(t -> !disabled.contains(t.descriptor().id())).map(ToolCatalogJson::tool).toList()));
    }

    private void describe(Context ctx) {
        Guards.require(ctx, Permission.TOOLS_USE);
        Json.ok(ctx, ToolCatalogJson.tool(tool(ctx)));
    }

    private void single(Context ctx) {
        Principal p = Guards.require(ctx, Permission.TOOLS_USE);
        Tool tool = tool(ctx);
        String toolId = tool.descriptor().id();
        Uploads.requireMultipart(ctx);
        Map<String, Object> settings = Json.parseObjectField("settings", Uploads.field(ctx, "settings"));
        // Validate before touching the disk: a bad setting costs nothing.
        // Validated against the tool itself first so field paths read "width", not "steps[0].settings.width".
        tool.validate(settings);
        ValidatedPipeline pipeline = tool instanceof ReportTool ? null : jobs.engine().validateSingle(toolId, settings);
        List<UploadedFile> files = Uploads.files(ctx);
        if (files.isEmpty()) throw ApiError.badRequest("No file uploaded");
        if (files.size() > 1) throw ApiError.badRequest("Only one file is accepted here; use /api/v1/tools/" + toolId + "/batch");
        String jobId = jobs.jobId(Uploads.field(ctx, "clientJobId"));
        Workspace.JobDir dir = jobs.workspace().create(jobId);
        Uploads.Saved in = Uploads.save(files, dir.input()).getFirst();
        if (pipeline == null) {
            Map<String, Object> report = jobs.report(jobId, p.userId(), toolId, in.path(), settings);
            Json.ok(ctx, report);
            return;
        }
        Path out = jobs.single(jobId, toolId, p.userId(), in.path(), pipeline, dir.output().resolve(outputName(in.originalName(), toolId)), settings);
        Json.ok(ctx, result(jobId, in, out));
    }

    private void batch(Context ctx) throws IOException {
        Principal p = Guards.require(ctx, Permission.TOOLS_USE);
        Tool tool = tool(ctx);
        String toolId = tool.descriptor().id();
        if (tool instanceof ReportTool) throw ApiError.badRequest("Tool '" + toolId + "' has no batch mode");
        Uploads.requireMultipart(ctx);
        Map<String, Object> settings = Json.parseObjectField("settings", Uploads.field(ctx, "settings"));
        tool.validate(settings);
        ValidatedPipeline pipeline = jobs.engine().validateSingle(toolId, settings);
        runBatch(ctx, jobs, p, toolId + "/batch", pipeline, settings, maxBatchSize);
    }

    /** Shared by tool and pipeline batches. */
    static void runBatch(Context ctx, ImageJobs jobs, Principal p, String type, ValidatedPipeline pipeline, Object settings, int maxBatchSize)
            throws IOException {
        List<UploadedFile> files = Uploads.files(ctx);
        if (files.isEmpty()) throw ApiError.badRequest("No files uploaded");
        if (files.size() > maxBatchSize) throw ApiError.badRequest("At most " + maxBatchSize + " files per batch (MAX_BATCH_SIZE)");
        String jobId = jobs.jobId(Uploads.field(ctx, "clientJobId"));
        Workspace.JobDir dir = jobs.workspace().create(jobId);
        List<Path> inputs = Uploads.save(files, dir.input()).stream().map(Uploads.Saved::path).toList();
        ImageJobs.BatchOutcome outcome = jobs.batch(jobId, type, p.userId(), inputs, pipeline, dir.output(), settings);
        BatchZip.send(ctx, jobId, outcome);
    }

    /** SnapOtter's single-file answer. */
    static Map<String, Object> result(String jobId, Uploads.Saved in, Path out) {
        Map<String, Object> m = new LinkedHashMap<>();
        String name = out.getFileName().toString();
        m.put("jobId", jobId);
        m.put("downloadUrl", "/api/v1/download/" + jobId + "/" + BatchZip.encode(name));
        m.put("filename", name);
        m.put("originalSize", in.size());
        try {
            m.put("processedSize", Files.size(out));
        } catch (IOException e) {
            m.put("processedSize", null);
        }
        return m;
    }

    /** {@code photo.jpg} through resize → {@code photo_resize.jpg} (the engine fixes the extension if the format changes). */
    static String outputName(String inputName, String suffix) {
        String ext = SafeFileName.extension(inputName);
        return SafeFileName.baseName(inputName) + "_" + suffix + "." + (ext.isEmpty() ? "png" : ext);
    }

    private Tool tool(Context ctx) {
        String id = ctx.pathParam("toolId");
        if (disabledTools.get().contains(id)) throw ApiError.notFound("Tool not found");
        return jobs.engine().catalog().find(id).orElseThrow(() -> ApiError.notFound("Tool not found"));
    }
}
