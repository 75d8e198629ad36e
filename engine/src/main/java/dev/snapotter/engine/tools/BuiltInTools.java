package dev.snapotter.engine.tools;

import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.tool.Tool;
import dev.snapotter.engine.tool.ToolCatalog;

import java.util.List;

/** The built-in catalogue, in SnapOtter's display order. Adding a tool = one line here. */
public final class BuiltInTools {

    private BuiltInTools() {
    }

    /** The catalogue for the pure-Java backend. */
    public static List<Tool> all() {
        return all(new ImageIoCodec());
    }

    /** The catalogue for {@code codec}: {@code convert} accepts the formats it can write. */
    public static List<Tool> all(ImageCodec codec) {
        return List.of(
                // essentials
                new ResizeTool(),
                new CropTool(),
                new RotateTool(),
                new ConvertTool(codec),
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

    public static ToolCatalog catalog(ImageCodec codec) {
        return new ToolCatalog(all(codec));
    }
}
