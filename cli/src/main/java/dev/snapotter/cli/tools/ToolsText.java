package dev.snapotter.cli.tools;

import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.ToolDescriptor;

import java.io.PrintWriter;
import java.util.List;

/**
 * Human-readable tool list, generated from the descriptors:
 * <pre>
 * resize  Resize  (essentials, pipeline)
 *   Resize by width, height or percentage.
 *     width               integer 1..16383            Target width in pixels.
 * </pre>
 */
final class ToolsText {

    private static final int NAME_WIDTH = 20;
    private static final int TYPE_WIDTH = 34;

    private ToolsText() {
    }

    static void render(List<ToolDescriptor> tools, PrintWriter out) {
        boolean first = true;
        for (ToolDescriptor tool : tools) {
            if (!first) out.println();
            first = false;
            out.println(tool.id() + "  " + tool.name() + "  (" + tool.category() + ", " + (tool.pipelineCapable() ? "pipeline" : "report") + ")");
            out.println("  " + tool.description());
            if (tool.params().isEmpty()) out.println("    (no settings)");
            for (ParamSpec p : tool.params()) {
                out.println(paramLine(p));
            }
        }
    }

    static String paramLine(ParamSpec p) {
        String type = ParamText.type(p) + ParamText.defaultSuffix(p);
        String help = p.help() == null || p.help().isBlank() ? p.label() : p.help();
        help = help == null ? "" : help;
        String head = "    " + pad(p.name(), NAME_WIDTH) + " ";
        if (type.length() > TYPE_WIDTH) {
            // A long enum list gets its own line rather than pushing the help off screen.
            return head + type + System.lineSeparator() + " ".repeat(head.length() + TYPE_WIDTH + 1) + help;
        }
        return (head + pad(type, TYPE_WIDTH) + " " + help).stripTrailing();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
