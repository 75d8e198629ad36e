package dev.snapotter.server.tools;

import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.ReportTool;
import dev.snapotter.engine.tool.Tool;
import dev.snapotter.engine.tool.ToolDescriptor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Renders the engine's tool descriptions as JSON: the one source of tool ids and parameters. */
public final class ToolCatalogJson {

    private ToolCatalogJson() {
    }

    public static Map<String, Object> tool(Tool tool) {
        ToolDescriptor d = tool.descriptor();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.name());
        m.put("category", d.category());
        m.put("description", d.description());
        m.put("kind", tool instanceof ReportTool ? "report" : "image");
        m.put("pipelineCapable", d.pipelineCapable());
        m.put("params", d.params().stream().map(ToolCatalogJson::param).toList());
        return m;
    }

    public static Map<String, Object> param(ParamSpec p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("type", p.type().name().toLowerCase(Locale.ROOT));
        m.put("label", p.label());
        m.put("help", p.help());
        if (p.defaultValue() != null) m.put("default", p.defaultValue());
        if (p.min() != null) m.put("min", p.min());
        if (p.max() != null) m.put("max", p.max());
        if (!p.options().isEmpty()) m.put("options", p.options());
        return m;
    }
}
