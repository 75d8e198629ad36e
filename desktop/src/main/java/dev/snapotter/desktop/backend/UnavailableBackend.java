package dev.snapotter.desktop.backend;

import dev.snapotter.engine.batch.BatchListener;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.ToolDescriptor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A backend kind that is selectable but has no implementation in this build. It says so honestly instead of
 * pretending: every operation refuses with the reason, and the editor disables Run. (The local container and the
 * remote server are {@link ServerBackend}s, ADR 0044.)
 */
public final class UnavailableBackend implements ProcessingBackend {

    private final BackendKind kind;
    private final String reason;

    public UnavailableBackend(BackendKind kind, String reason) {
        this.kind = kind;
        this.reason = reason;
    }

    @Override
    public BackendKind kind() {
        return kind;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.of(reason);
    }

    @Override
    public List<ToolDescriptor> pipelineTools() {
        return List.of();
    }

    @Override
    public Set<String> readableExtensions() {
        return Set.of();
    }

    @Override
    public List<FieldError> validate(Pipeline pipeline) {
        return List.of(new FieldError("backend", reason));
    }

    @Override
    public Pixels thumbnail(Path file, int maxSide) {
        throw new BackendUnavailableException(reason);
    }

    @Override
    public PreviewResult preview(Path file, Pipeline pipeline, int maxSide, CancellationToken cancel) {
        throw new BackendUnavailableException(reason);
    }

    @Override
    public BatchResult runBatch(BatchJob job, BatchListener listener, CancellationToken cancel) {
        throw new BackendUnavailableException(reason);
    }
}
