package dev.snapotter.engine.pipeline;

import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.Settings;

import java.util.List;

/** A pipeline whose every step resolved to a tool and validated settings; only this can run. */
public record ValidatedPipeline(List<Step> steps) {

    public ValidatedPipeline {
        steps = List.copyOf(steps);
    }

    public record Step(ImageTool tool, Settings settings) {
        public String toolId() {
            return tool.descriptor().id();
        }
    }

    /** The tool ids joined for the {@code {tool}} name token, e.g. "resize-compress". */
    public String toolChain() {
        return String.join("-", steps.stream().map(Step::toolId).toList());
    }
}
