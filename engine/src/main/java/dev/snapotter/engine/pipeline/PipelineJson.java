package dev.snapotter.engine.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.InvalidSettingsException;

import java.util.List;

/** Reads and writes SnapOtter's pipeline JSON. Shared by server, CLI and desktop presets. */
public final class PipelineJson {

    /** Pipelines are small; anything bigger is an attack or a mistake. */
    public static final int MAX_JSON_CHARS = 256 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(MAX_JSON_CHARS).maxNumberLength(64).build());
    }

    private PipelineJson() {
    }

    public static Pipeline parse(String json) {
        if (json == null || json.isBlank()) throw invalid("pipeline JSON is empty");
        if (json.length() > MAX_JSON_CHARS) throw invalid("pipeline JSON is larger than " + MAX_JSON_CHARS + " characters");
        try {
            Pipeline p = MAPPER.readValue(json, Pipeline.class);
            if (p == null) throw invalid("pipeline JSON is null");
            return p;
        } catch (JsonProcessingException e) {
            throw invalid("not a valid pipeline document: " + e.getOriginalMessage());
        }
    }

    public static String write(Pipeline pipeline) {
        try {
            return MAPPER.writeValueAsString(pipeline);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidSettingsException invalid(String message) {
        return new InvalidSettingsException(List.of(new FieldError("pipeline", message)));
    }
}
