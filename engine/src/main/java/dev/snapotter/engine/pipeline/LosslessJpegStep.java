package dev.snapotter.engine.pipeline;

import dev.snapotter.engine.codec.imageio.JpegSegments;
import dev.snapotter.engine.tool.Settings;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A tool that can do its work on a JPEG's header segments alone (e.g. strip-metadata). When
 * every step of a pipeline offers an edit for its settings and the input is a JPEG,
 * {@link PipelineRunner} copies the file losslessly instead of decoding and re-encoding it.
 */
public interface LosslessJpegStep {

    /** The segment edit for these settings, or empty when they need the pixels. */
    Optional<UnaryOperator<List<JpegSegments.Segment>>> losslessJpegEdit(Settings settings);
}
