package dev.snapotter.engine.pipeline;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.tool.Settings;

import java.util.Optional;

/**
 * A step whose effect, for some settings, is only "a new size" and/or "a new output format/quality".
 * A pipeline made only of such steps can run inside a {@link dev.snapotter.engine.codec.DirectCodec}
 * (libvips: decode → resize → encode without Java pixels). Geometry stays defined by the tool itself.
 */
public interface DirectStep {

    /** The plan after this step, or empty when these settings need Java pixels (letterbox, crop, target size, ...)
     * or would fail; the normal path then runs and reports any error with the usual wording. */
    Optional<DirectPlan> direct(DirectPlan before, Settings settings, EngineLimits limits);
}
