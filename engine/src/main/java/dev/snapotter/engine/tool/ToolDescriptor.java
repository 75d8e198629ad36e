package dev.snapotter.engine.tool;

import java.util.List;
import java.util.Optional;

/**
 * Everything a client needs to know about a tool without running it.
 *
 * @param id              SnapOtter's tool id, e.g. "resize"
 * @param name            display name
 * @param category        SnapOtter's category ("essentials", "optimization", "adjustments", "watermark", "utilities", "layout")
 * @param description     one sentence
 * @param params          parameters in display order
 * @param pipelineCapable whether the tool turns one image into one image and may appear in a pipeline
 */
public record ToolDescriptor(String id, String name, String category, String description,
                             List<ParamSpec> params, boolean pipelineCapable) {

    public ToolDescriptor {
        params = List.copyOf(params);
    }

    public Optional<ParamSpec> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }
}
