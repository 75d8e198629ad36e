package dev.snapotter.server.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineJson;
import dev.snapotter.engine.pipeline.ValidatedPipeline;
import dev.snapotter.server.audit.AuditAction;
import dev.snapotter.server.audit.AuditLog;
import dev.snapotter.server.auth.Guards;
import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.files.Workspace;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.http.ClientIp;
import dev.snapotter.server.http.Fields;
import dev.snapotter.server.http.Json;
import dev.snapotter.server.tools.ImageJobs;
import dev.snapotter.server.tools.PipelineExecution;
import dev.snapotter.server.tools.Uploads;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** {@code /api/v1/pipeline/*}: execute, batch, save, list, delete, tools. */
public final class PipelineRoutes {

    private final ImageJobs jobs;
    private final PipelineRepository repo;
    private final AuditLog audit;
    private final Supplier<Set<String>> disabledTools;
    private final int maxBatchSize;

    public PipelineRoutes(ImageJobs jobs, PipelineRepository repo, AuditLog audit, Supplier<Set<String>> disabledTools, int maxBatchSize) {
        this.jobs = jobs;
        this.repo = repo;
        this.audit = audit;
        this.disabledTools = disabledTools;
        this.maxBatchSize = maxBatchSize;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/pipeline/execute", this::execute);
        routes.post("/api/v1/pipeline/batch", this::batch);
        routes.post("/api/v1/pipeline/save", this::save);
        routes.get("/api/v1/pipeline/list", this::list);
        routes.delete("/api/v1/pipeline/{id}", this::delete);
        routes.get("/api/v1/pipeline/tools", this::tools);
    }

    private void execute(Context ctx) {
        Principal p = Guards.require(ctx, Permission.TOOLS_USE);
        Uploads.requireMultipart(ctx);
        Pipeline pipeline = parse(Uploads.field(ctx, "pipeline"));
        ValidatedPipeline validated = validate(pipeline);
        List<UploadedFile> files = Uploads.files(ctx);
        if (files.isEmpty()) throw ApiError.badRequest("No file uploaded");
        if (files.size() > 1) throw ApiError.badRequest("Only one file is accepted here; use /api/v1/pipeline/batch");
        String jobId = jobs.jobId(Uploads.field(ctx, "clientJobId"));
        Workspace.JobDir dir = jobs.workspace().create(jobId);
        Uploads.Saved in = Uploads.save(files, dir.input()).getFirst();
        Path out = jobs.single(jobId, "pipeline", p.userId(), in.path(), validated,
                dir.output().resolve(PipelineExecution.outputName(in.originalName())), pipeline);
        Map<String, Object> body = new LinkedHashMap<>(PipelineExecution.result(jobId, in, out));
        body.put("stepsCompleted", validated.steps().size());
        body.put("steps", IntStream.range(0, validated.steps().size())
                .mapToObj(i -> Map.of("step", i + 1, "toolId", validated.steps().get(i).toolId())).toList());
        Json.ok(ctx, body);
    }

    private void batch(Context ctx) throws IOException {
        Principal p = Guards.require(ctx, Permission.TOOLS_USE);
        Uploads.requireMultipart(ctx);
        Pipeline pipeline = parse(Uploads.field(ctx, "pipeline"));
        PipelineExecution.runBatch(ctx, jobs, p, "pipeline/batch", validate(pipeline), pipeline, maxBatchSize);
    }

    private void save(Context ctx) {
        Principal p = Guards.require(ctx, Permission.PIPELINES_OWN);
        ObjectNode body = Json.bodyObject(ctx);
        String name = Fields.requiredString(body, "name", 100).strip();
        if (name.isEmpty() || name.matches(".*[<>\\p{Cntrl}].*")) throw ApiError.badRequest("name must be 1-100 characters without < > or control characters");
        String description = Fields.optionalString(body, "description", 500).orElse("");
        if (description.matches("(?s).*[<>].*")) throw ApiError.badRequest("description must not contain < or >");
        JsonNode steps = body.get("steps");
        if (steps == null || !steps.isArray()) throw ApiError.badRequest("steps must be an array");
        Pipeline pipeline = PipelineJson.parse(Json.write(Map.of("steps", steps)));
        validate(pipeline);
        PipelineRepository.Saved saved = repo.save(p.userId(), name, description, Json.write(steps));
        audit.record(p, null, AuditAction.PIPELINE_SAVED, "pipeline", saved.id(), Map.of("name", name), ClientIp.of(ctx));
        Json.send(ctx, 201, saved.toJson());
    }

    private void list(Context ctx) {
        Principal p = Guards.require(ctx, Permission.PIPELINES_OWN);
        boolean all = p.can(Permission.PIPELINES_ALL);
        Json.ok(ctx, Map.of("pipelines", repo.list(p.userId(), all).stream().map(PipelineRepository.Saved::toJson).toList()));
    }

    private void delete(Context ctx) {
        Principal p = Guards.require(ctx, Permission.PIPELINES_OWN);
        PipelineRepository.Saved s = repo.find(ctx.pathParam("id")).orElseThrow(() -> ApiError.notFound("Pipeline not found"));
        boolean own = s.userId() == null || s.userId().equals(p.userId());
        if (!own && !p.can(Permission.PIPELINES_ALL)) throw ApiError.notFound("Pipeline not found");
        repo.delete(s.id());
        audit.record(p, null, AuditAction.PIPELINE_DELETED, "pipeline", s.id(), Map.of("name", s.name()), ClientIp.of(ctx));
        Json.ok(ctx, Map.of("ok", true));
    }

    private void tools(Context ctx) {
        Guards.require(ctx, Permission.TOOLS_USE);
        Set<String> disabled = disabledTools.get();
        Json.ok(ctx, Map.of("toolIds", jobs.engine().catalog().pipelineToolIds().stream().filter(id -> !disabled.contains(id)).toList()));
    }

    private static Pipeline parse(String json) {
        if (json == null || json.isBlank()) throw ApiError.badRequest("The pipeline field is required");
        return PipelineJson.parse(json);
    }

    private ValidatedPipeline validate(Pipeline pipeline) {
        Set<String> disabled = disabledTools.get();
        for (int i = 0; i < pipeline.steps().size(); i++) {
            if (disabled.contains(pipeline.steps().get(i).toolId())) {
                throw new ApiError(400, "INVALID_SETTINGS", "Invalid settings",
                        List.of(Map.of("path", "steps[" + i + "].toolId", "message", "tool is disabled on this server")));
            }
        }
        return jobs.engine().validate(pipeline);
    }
}
