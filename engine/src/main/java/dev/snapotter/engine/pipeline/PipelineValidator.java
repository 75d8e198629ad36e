package dev.snapotter.engine.pipeline;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.InvalidSettingsException;
import dev.snapotter.engine.tool.Tool;
import dev.snapotter.engine.tool.ToolCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resolves and validates every step up front, so no pixel work starts on a pipeline that would fail at step 3. */
public final class PipelineValidator {

    private final ToolCatalog catalog;
    private final EngineLimits limits;

    public PipelineValidator(ToolCatalog catalog, EngineLimits limits) {
        this.catalog = catalog;
        this.limits = limits;
    }

    /** @throws InvalidSettingsException with paths like {@code steps[1].settings.width} */
    public ValidatedPipeline validate(Pipeline pipeline) {
        List<FieldError> errors = new ArrayList<>();
        List<PipelineStep> steps = pipeline.steps();
        if (steps.isEmpty()) errors.add(new FieldError("steps", "a pipeline needs at least one step"));
        int max = limits.maxPipelineSteps();
        if (max > 0 && steps.size() > max) errors.add(new FieldError("steps", "at most " + max + " steps are allowed"));
        List<ValidatedPipeline.Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String prefix = "steps[" + i + "].";
            PipelineStep step = steps.get(i);
            Optional<Tool> tool = step.toolId() == null ? Optional.empty() : catalog.find(step.toolId());
            if (tool.isEmpty()) {
                errors.add(new FieldError(prefix + "toolId", "unknown tool '" + step.toolId() + "'"));
            } else if (!(tool.get() instanceof ImageTool imageTool) || !tool.get().descriptor().pipelineCapable()) {
                errors.add(new FieldError(prefix + "toolId", "tool '" + step.toolId() + "' cannot be used in a pipeline"));
            } else {
                try {
                    out.add(new ValidatedPipeline.Step(imageTool, imageTool.validate(step.settings())));
                } catch (InvalidSettingsException e) {
                    e.errors().forEach(fe -> errors.add(fe.prefixed(prefix + "settings.")));
                }
            }
        }
        if (!errors.isEmpty()) throw new InvalidSettingsException(errors);
        return new ValidatedPipeline(out);
    }
}
