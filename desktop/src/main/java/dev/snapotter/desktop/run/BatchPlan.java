package dev.snapotter.desktop.run;

import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.tool.ToolDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Turns the editor's pipeline plus output choices into the pipeline that actually runs. */
final class BatchPlan {

    private BatchPlan() {
    }

    /**
     * "Keep metadata" off = the engine's own {@code strip-metadata} tool as a last step, so desktop,
     * server and CLI strip exactly the same way (one implementation, in the engine).
     */
    record Metadata(Function<String, Optional<ToolDescriptor>> tools) {

        static final String STRIP_TOOL = "strip-metadata";

        Pipeline apply(Pipeline pipeline, boolean keepMetadata) {
            if (keepMetadata) return pipeline;
            boolean alreadyStrips = pipeline.steps().stream().anyMatch(s -> STRIP_TOOL.equals(s.toolId()));
            if (alreadyStrips) return pipeline;
            if (tools.apply(STRIP_TOOL).isEmpty()) {
                throw new IllegalStateException("This engine has no strip-metadata tool; keep metadata or add the tool.");
            }
            List<PipelineStep> steps = new ArrayList<>(pipeline.steps());
            steps.add(new PipelineStep(STRIP_TOOL, Map.of()));
            return new Pipeline(steps);
        }
    }
}
