package dev.snapotter.desktop.support;

import dev.snapotter.desktop.backend.BackendKind;
import dev.snapotter.desktop.backend.BatchJob;
import dev.snapotter.desktop.backend.Pixels;
import dev.snapotter.desktop.backend.PreviewResult;
import dev.snapotter.desktop.backend.ProcessingBackend;
import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.batch.BatchListener;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.batch.FileOutcome;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineValidator;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.InvalidSettingsException;
import dev.snapotter.engine.tool.ToolDescriptor;
import dev.snapotter.engine.tools.BuiltInTools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A backend for ViewModel tests: validation is the engine's real {@link PipelineValidator} over the
 * real catalogue (so tests see the engine's own messages); pixels and batches are scripted.
 */
public final class FakeBackend implements ProcessingBackend {

    private final PipelineValidator validator = new PipelineValidator(BuiltInTools.catalog(), new EngineLimits(100, 20, 1 << 30));
    public final List<Path> thumbnailCalls = new ArrayList<>();
    public final List<Pipeline> previewCalls = new ArrayList<>();
    public final List<BatchJob> batchCalls = new ArrayList<>();
    public Set<String> extensions = Set.of("jpg", "jpeg", "png");
    public Function<Path, FileOutcome> outcome = in -> FileOutcome.done(in, in.resolveSibling("out-" + in.getFileName()));
    public RuntimeException thumbnailFailure;

    @Override
    public BackendKind kind() {
        return BackendKind.LOCAL_ENGINE;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public List<ToolDescriptor> pipelineTools() {
        return BuiltInTools.catalog().pipelineDescriptors();
    }

    @Override
    public Set<String> readableExtensions() {
        return extensions;
    }

    @Override
    public List<FieldError> validate(Pipeline pipeline) {
        try {
            validator.validate(pipeline);
            return List.of();
        } catch (InvalidSettingsException e) {
            return e.errors();
        }
    }

    @Override
    public Pixels thumbnail(Path file, int maxSide) {
        thumbnailCalls.add(file);
        if (thumbnailFailure != null) throw thumbnailFailure;
        return new Pixels(2, 1, new int[]{0xff000000, 0xffffffff});
    }

    @Override
    public PreviewResult preview(Path file, Pipeline pipeline, int maxSide, CancellationToken cancel) {
        previewCalls.add(pipeline);
        Pixels px = new Pixels(4, 2, new int[8]);
        return new PreviewResult(px, pipeline.steps().isEmpty() ? null : new Pixels(2, 1, new int[2]), 40, 20);
    }

    @Override
    public BatchResult runBatch(BatchJob job, BatchListener listener, CancellationToken cancel) {
        batchCalls.add(job);
        listener.started(job.inputs().size());
        List<FileOutcome> outcomes = new ArrayList<>();
        int n = 0;
        for (Path in : job.inputs()) {
            listener.fileStarted(in);
            FileOutcome o = outcome.apply(in);
            outcomes.add(o);
            listener.fileFinished(o, ++n, job.inputs().size());
        }
        BatchResult r = new BatchResult(outcomes, cancel.isCancelled(), Duration.ofMillis(5));
        listener.finished(r);
        return r;
    }
}
