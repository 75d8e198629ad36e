package dev.snapotter.engine.pipeline;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.codec.OutputSpec;

import java.util.Optional;

/**
 * What a direct pipeline does: the final pixel size (upright, i.e. after EXIF orientation) and the output.
 *
 * @param width   final width; equal to the source's when nothing resizes
 * @param height  final height
 * @param resized whether any step changed the size
 * @param output  how the result is encoded
 */
public record DirectPlan(int width, int height, boolean resized, OutputSpec output) {

    public DirectPlan resizedTo(int w, int h) {
        return w == width && h == height ? this : new DirectPlan(w, h, true, output);
    }

    public DirectPlan withOutput(OutputSpec o) {
        return new DirectPlan(width, height, resized, o);
    }

    /** Folds every step into one plan, or empty as soon as a step is not a {@link DirectStep} or declines. */
    static Optional<DirectPlan> of(ValidatedPipeline pipeline, DirectPlan start, EngineLimits limits) {
        DirectPlan plan = start;
        for (ValidatedPipeline.Step step : pipeline.steps()) {
            if (!(step.tool() instanceof DirectStep d)) return Optional.empty();
            Optional<DirectPlan> next = d.direct(plan, step.settings(), limits);
            if (next.isEmpty()) return Optional.empty();
            plan = next.get();
        }
        return Optional.of(plan);
    }
}
