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
 * The seam between the editor and whatever does the pixel work: the in-process engine, the local
 * container, or a remote SnapOtter server (ADR 0041). The editor talks only to this interface.
 * Blocking methods are called from background lanes, never from the FX thread.
 */
public interface ProcessingBackend {

    BackendKind kind();

    /** Empty when usable; otherwise a plain-language reason shown next to the selector. */
    Optional<String> unavailableReason();

    /** Tools that may appear in a pipeline, described once by the engine. */
    List<ToolDescriptor> pipelineTools();

    /** File extensions (lower case, no dot) the backend can read; used to filter drops. */
    Set<String> readableExtensions();

    /** Every problem with the pipeline, paths like {@code steps[1].settings.width}; empty when valid. */
    List<FieldError> validate(Pipeline pipeline);

    /** A small copy for the queue; longer side at most {@code maxSide}. */
    Pixels thumbnail(Path file, int maxSide);

    /** Before/after on a proxy whose longer side is at most {@code maxSide}. */
    PreviewResult preview(Path file, Pipeline pipeline, int maxSide, CancellationToken cancel);

    /** Runs a batch to completion or cancellation; the listener is called from worker threads. */
    BatchResult runBatch(BatchJob job, BatchListener listener, CancellationToken cancel);
}
