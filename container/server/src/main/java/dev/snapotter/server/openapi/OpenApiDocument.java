package dev.snapotter.server.openapi;

import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Tool;
import dev.snapotter.engine.tool.ToolCatalog;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 document: the hand-written route description ({@code openapi/snapotter-api.yaml})
 * completed at startup with the tool ids and one settings schema per tool generated from the
 * engine's descriptors — so parameters are never described twice.
 */
public final class OpenApiDocument {

    private static final String RESOURCE = "/openapi/snapotter-api.yaml";

    private OpenApiDocument() {
    }

    /** The base document as parsed maps (also used by the route-coverage test). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> base() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing from the jar");
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static String render(ToolCatalog catalog, String version) {
        Map<String, Object> doc = base();
        ((Map<String, Object>) doc.get("info")).put("version", version);
        Map<String, Object> components = (Map<String, Object>) doc.computeIfAbsent("components", k -> new LinkedHashMap<>());
        Map<String, Object> schemas = (Map<String, Object>) components.computeIfAbsent("schemas", k -> new LinkedHashMap<>());
        schemas.put("ToolId", Map.of("type", "string", "enum", catalog.all().stream().map(t -> t.descriptor().id()).toList()));
        for (Tool t : catalog.all()) schemas.put(schemaName(t.descriptor().id()), settingsSchema(t));
        DumperOptions opts = new DumperOptions();
        opts.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        opts.setWidth(160);
        return new Yaml(opts).dump(doc);
    }

    static String schemaName(String toolId) {
        StringBuilder sb = new StringBuilder();
        for (String part : toolId.split("-")) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return sb + "Settings";
    }

    private static Map<String, Object> settingsSchema(Tool t) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (ParamSpec p : t.descriptor().params()) props.put(p.name(), property(p));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("description", "Settings of the '" + t.descriptor().id() + "' tool: " + t.descriptor().description());
        s.put("additionalProperties", false);
        s.put("properties", props);
        return s;
    }

    private static Map<String, Object> property(ParamSpec p) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (p.type()) {
            case INTEGER -> m.put("type", "integer");
            case NUMBER -> m.put("type", "number");
            case BOOLEAN -> m.put("type", "boolean");
            case ENUM -> {
                m.put("type", "string");
                m.put("enum", List.copyOf(p.options()));
            }
            case STRING -> m.put("type", "string");
            case COLOR -> {
                m.put("type", "string");
                m.put("pattern", "^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$");
            }
        }
        if (p.help() != null) m.put("description", p.help());
        if (p.defaultValue() != null) m.put("default", p.defaultValue());
        if (p.type() == dev.snapotter.engine.tool.ParamType.STRING) {
            if (p.max() != null) m.put("maxLength", p.max());
        } else {
            if (p.min() != null) m.put("minimum", p.min());
            if (p.max() != null) m.put("maximum", p.max());
        }
        return m;
    }
}
