package dev.snapotter.engine.tool;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tools an engine offers, by id, in catalogue order. */
public final class ToolCatalog {

    private final Map<String, Tool> tools = new LinkedHashMap<>();

    public ToolCatalog(Collection<? extends Tool> tools) {
        for (Tool t : tools) {
            if (this.tools.putIfAbsent(t.descriptor().id(), t) != null) {
                throw new IllegalArgumentException("duplicate tool id " + t.descriptor().id());
            }
        }
    }

    public Optional<Tool> find(String id) {
        return Optional.ofNullable(tools.get(id));
    }

    public List<Tool> all() {
        return List.copyOf(tools.values());
    }

    public List<ToolDescriptor> descriptors() {
        return tools.values().stream().map(Tool::descriptor).toList();
    }

    /** Descriptors of the tools that may appear in a pipeline, in catalogue order (the desktop's "Add tool" menu). */
    public List<ToolDescriptor> pipelineDescriptors() {
        return descriptors().stream().filter(ToolDescriptor::pipelineCapable).toList();
    }

    /** Ids of tools that may appear in a pipeline (SnapOtter's {@code GET /api/v1/pipeline/tools}). */
    public List<String> pipelineToolIds() {
        return pipelineDescriptors().stream().map(ToolDescriptor::id).toList();
    }
}
