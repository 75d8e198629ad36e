package dev.snapotter.engine.pipeline;

import java.util.List;

/** SnapOtter's pipeline document {@code {"steps":[...]}}, unvalidated. */
public record Pipeline(List<PipelineStep> steps) {

    public Pipeline {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public static Pipeline of(PipelineStep... steps) {
        return new Pipeline(List.of(steps));
    }
}
