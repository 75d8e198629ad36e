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
                new ConvertTool(),
                // optimization
                new CompressTool(),
                new StripMetadataTool(),
                // adjustments
                new AdjustColorsTool(),
                new SharpeningTool(),
                new BorderTool(),
                // watermark
                new WatermarkTextTool(),
                // utilities
                new InfoTool()
        );
    }

    public static ToolCatalog catalog() {
        return new ToolCatalog(all());
    }
}
