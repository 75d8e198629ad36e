package dev.snapotter.engine.tools;

import dev.snapotter.engine.tool.Tool;
import dev.snapotter.engine.tool.ToolCatalog;

import java.util.List;

/** The built-in catalogue, in SnapOtter's display order. Adding a tool = one line here. */
public final class BuiltInTools {

    private BuiltInTools() {
    }

    public static List<Tool> all() {
        return List.of(
                // essentials
                new ResizeTool(),
                new CropTool(),
                new RotateTool(),
                // optimization
                // adjustments
                new AdjustColorsTool(),
                new SharpeningTool(),
                new BorderTool(),
                // watermark
                new WatermarkTextTool()
                // utilities
        );
    }

    public static ToolCatalog catalog() {
        return new ToolCatalog(all());
    }
}
