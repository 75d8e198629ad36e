package dev.snapotter.engine;

import dev.snapotter.engine.batch.BatchListener;
import dev.snapotter.engine.batch.BatchRequest;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.BatchRunner;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.CodecSelection;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineRunner;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.pipeline.PipelineValidator;
import dev.snapotter.engine.pipeline.ValidatedPipeline;
import dev.snapotter.engine.tool.InvalidSettingsException;
import dev.snapotter.engine.tool.ReportTool;
import dev.snapotter.engine.tool.Tool;
import dev.snapotter.engine.tool.ToolCatalog;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tools.BuiltInTools;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The engine's front door, used by the server, the CLI and the desktop alike.
 * Thread-safe: one instance serves a whole process.
 */
public final class ImageEngine {

    private final ImageCodec codec;
    private final ToolCatalog catalog;
    private final EngineLimits limits;
    private final PipelineValidator validator;
    private final PipelineRunner runner;

    public ImageEngine(ImageCodec codec, ToolCatalog catalog, EngineLimits limits) {
        this.codec = codec;
        this.catalog = catalog;
        this.limits = limits;
        this.validator = new PipelineValidator(catalog, limits);
        this.runner = new PipelineRunner(codec, limits);
    }

    /**
     * The backend chosen at run time ({@link CodecSelection}: libvips when it can be loaded, else pure Java)
     * with every built-in tool and the given limits.
     */
    public static ImageEngine create(EngineLimits limits) {
        return create(CodecSelection.select(), limits);
    }

    /** A given backend with every built-in tool ({@code convert} offers what this backend can write). */
    public static ImageEngine create(ImageCodec codec, EngineLimits limits) {
        return new ImageEngine(codec, BuiltInTools.catalog(codec), limits);
    }

    public static ImageEngine createDefault() {
        return create(EngineLimits.defaults());
    }

    public ImageCodec codec() {
        return codec;
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    public EngineLimits limits() {
        return limits;
    }

    /** Validates a whole pipeline before any pixel work. */
    public ValidatedPipeline validate(Pipeline pipeline) throws InvalidSettingsException {
        return validator.validate(pipeline);
    }

    /** A one-step pipeline for a single tool call ({@code POST /api/v1/tools/{id}}). */
    public ValidatedPipeline validateSingle(String toolId, Map<String, Object> settings) throws InvalidSettingsException {
        return validator.validate(Pipeline.of(new PipelineStep(toolId, settings)));
    }

    /** Runs validated steps on a decoded picture. */
    public Picture apply(Picture input, ValidatedPipeline pipeline, ToolContext context) {
        return runner.apply(input, pipeline, context);
    }

    /**
     * Decodes {@code input}, runs the pipeline and writes the result atomically to {@code output}
     * (temp file in the same folder, then rename). The input file is never modified.
     *
     * @return the output path actually written (its extension follows the output format)
     */
    public Path processFile(Path input, ValidatedPipeline pipeline, Path output, CancellationToken cancel) {
        return runner.processFile(input, pipeline, output, cancel);
    }

    /** Runs a report tool such as {@code info}. */
    public Map<String, Object> report(String toolId, Path file, Map<String, Object> settings) {
        Tool tool = catalog.find(toolId).orElseThrow(() -> new InvalidSettingsException(
                List.of(new FieldError("toolId", "unknown tool '" + toolId + "'"))));
        if (!(tool instanceof ReportTool reportTool)) {
            throw new InvalidSettingsException(List.of(new FieldError("toolId", "tool '" + toolId + "' does not produce a report")));
        }
        return reportTool.report(file, codec, tool.validate(settings), ToolContext.of(limits));
    }

    /** Runs a batch; blocks until every file finished or the batch was cancelled. */
    public BatchResult runBatch(BatchRequest request, BatchListener listener, CancellationToken cancel) {
        return new BatchRunner(runner, limits).run(request, listener, cancel);
    }
}
