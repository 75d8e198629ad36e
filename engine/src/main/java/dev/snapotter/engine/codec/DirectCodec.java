package dev.snapotter.engine.codec;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageException;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A codec that can run decode → Lanczos3 resize → encode on its own, without handing pixels to Java
 * (the native fast path). The pipeline runner uses it when every step of a pipeline can be described as
 * "a new size and/or a new output" ({@code pipeline.DirectStep}); anything else decodes to a {@link Picture}.
 */
public interface DirectCodec {

    /** True when a file in {@code input} format can be turned into {@code output} without Java pixels. */
    boolean canTranscode(ImageFormat input, OutputSpec output);

    /** The output a decoded file of this format gets before any tool changes it (as {@link ImageCodec#decode} sets it). */
    OutputSpec initialOutput(ImageFormat input);

    /**
     * Decodes {@code input} (EXIF orientation applied), resizes it to exactly {@code width × height} with
     * Lanczos3 when both are &gt; 0, and encodes it as {@code output} into {@code out}, carrying the metadata the
     * pure-Java path would carry. Limits are checked from the header first, as in {@link ImageCodec#decode}.
     */
    void transcode(Path input, int width, int height, OutputSpec output, EngineLimits limits, OutputStream out) throws ImageException;
}
