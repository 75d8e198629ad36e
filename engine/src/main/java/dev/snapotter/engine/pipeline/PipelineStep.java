package dev.snapotter.engine.pipeline;

import java.util.Map;

/** One step of SnapOtter's pipeline JSON: {@code {"toolId":"resize","settings":{"width":1200}}}. */
public record PipelineStep(String toolId, Map<String, Object> settings) {

    public PipelineStep {
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }
}
