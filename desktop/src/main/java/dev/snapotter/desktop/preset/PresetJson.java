package dev.snapotter.desktop.preset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapotter.desktop.output.OutputSettings;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineJson;
import dev.snapotter.engine.tool.InvalidSettingsException;

/**
 * Preset files: {@code {"format":"snapotter-preset","version":1,"name":…,"pipeline":{"steps":[…]},"output":{…}}}.
 * The pipeline part is read and written by the engine's {@link PipelineJson}, so it is exactly the
 * document the server and CLI use; a bare {@code {"steps":[…]}} file is accepted on import too.
 */
public final class PresetJson {

    public static final String FORMAT = "snapotter-preset";
    public static final int VERSION = 1;
    public static final int MAX_CHARS = PipelineJson.MAX_JSON_CHARS + 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PresetJson() {
    }

    public static String write(Preset preset) {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.put("format", FORMAT);
            root.put("version", VERSION);
            root.put("name", preset.name());
            root.set("pipeline", JSON.readTree(PipelineJson.write(preset.pipeline())));
            if (preset.output() != null) root.set("output", JSON.valueToTree(preset.output()));
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write preset", e);
        }
    }

    /** @param fallbackName used when the file has no name (a bare pipeline document) */
    public static Preset parse(String json, String fallbackName) throws PresetFormatException {
        if (json == null || json.isBlank()) throw new PresetFormatException("The file is empty.");
        if (json.length() > MAX_CHARS) throw new PresetFormatException("The file is too large to be a preset.");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PresetFormatException("The file is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) throw new PresetFormatException("The file is not a preset or pipeline document.");
        if (root.has("steps")) return new Preset(fallbackName, pipeline(root), null);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new PresetFormatException("The file is not a SnapOtter preset (no \"format\": \"" + FORMAT + "\").");
        }
        if (root.path("version").asInt(0) > VERSION) {
            throw new PresetFormatException("The preset was made by a newer SnapOtter (version " + root.path("version").asInt() + ").");
        }
        JsonNode pipelineNode = root.get("pipeline");
        if (pipelineNode == null || !pipelineNode.isObject()) throw new PresetFormatException("The preset has no pipeline.");
        String name = root.path("name").asText("").isBlank() ? fallbackName : root.path("name").asText();
        OutputSettings output = null;
        if (root.hasNonNull("output")) {
            try {
                output = JSON.treeToValue(root.get("output"), OutputSettings.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new PresetFormatException("The preset's output settings are not valid: " + e.getMessage(), e);
            }
        }
        return new Preset(name, pipeline(pipelineNode), output);
    }

    private static Pipeline pipeline(JsonNode node) throws PresetFormatException {
        try {
            return PipelineJson.parse(JSON.writeValueAsString(node));
        } catch (InvalidSettingsException | JsonProcessingException e) {
            throw new PresetFormatException("The pipeline in the file is not valid: " + e.getMessage(), e);
        }
    }
}
