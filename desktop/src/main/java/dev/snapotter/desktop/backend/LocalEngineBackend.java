package dev.snapotter.desktop.backend;

import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.batch.BatchListener;
import dev.snapotter.engine.batch.BatchRequest;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageHeader;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.ValidatedPipeline;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.InvalidSettingsException;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The in-process engine: no Docker, no network. The default backend and the one that always works. */
public final class LocalEngineBackend implements ProcessingBackend {

    private final ImageEngine engine;
    private final ProxyCache proxies;

    public LocalEngineBackend(ImageEngine engine) {
        this.engine = engine;
        this.proxies = new ProxyCache(engine);
    }

    public ImageEngine engine() {
        return engine;
    }

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
        return engine.catalog().pipelineDescriptors();
    }

    @Override
    public Set<String> readableExtensions() {
        Set<String> out = new TreeSet<>();
        for (ImageFormat f : engine.codec().readableFormats()) out.addAll(f.extensions());
        return out;
    }

    @Override
    public List<FieldError> validate(Pipeline pipeline) {
        try {
            engine.validate(pipeline);
            return List.of();
        } catch (InvalidSettingsException e) {
            return e.errors();
        }
    }

    @Override
    public Pixels thumbnail(Path file, int maxSide) {
        return Pixels.of(engine.codec().decodeThumbnail(file, maxSide, engine.limits()).pixels());
    }

    @Override
    public PreviewResult preview(Path file, Pipeline pipeline, int maxSide, CancellationToken cancel) {
        ProxyCache.Proxy proxy = proxies.get(file, maxSide);
        Pixels before = proxy.pixels();
        Pixels after = null;
        if (!pipeline.steps().isEmpty()) {
            ValidatedPipeline vp = engine.validate(pipeline);
            Picture out = engine.apply(proxy.picture(), vp, new ToolContext(engine.limits(), cancel::isCancelled));
            after = Pixels.of(out.pixels());
        }
        ImageHeader h = proxy.header();
        return new PreviewResult(before, after, h.orientedWidth(), h.orientedHeight());
    }

    @Override
    public BatchResult runBatch(BatchJob job, BatchListener listener, CancellationToken cancel) {
        ValidatedPipeline vp = engine.validate(job.pipeline());
        BatchRequest request = new BatchRequest(job.inputs(), vp, job.outputDir(), job.nameTemplate(), job.conflict(), 0);
        return engine.runBatch(request, listener, cancel);
    }
}
