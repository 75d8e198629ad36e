package dev.snapotter.engine.tools;

import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;
import dev.snapotter.engine.tools.support.ImageCopies;
import dev.snapotter.engine.tools.support.UnsharpMask;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * SnapOtter's {@code sharpening}. Of its methods (adaptive, unsharp-mask, high-pass) this engine
 * implements {@code unsharp-mask}; the parameter stays so SnapOtter clients keep working.
 */
public final class SharpeningTool implements ImageTool {

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("sharpening", "Sharpen", "adjustments",
            "Unsharp mask: boosts edges by the difference from a blurred copy.", List.of(
            ParamSpec.choice("method", "Method", "unsharp-mask", List.of("unsharp-mask"), "Sharpening method."),
            ParamSpec.number("sigma", "Radius (sigma)", 1.0, 0.5, 10.0, "Blur radius of the mask; larger = coarser detail."),
            ParamSpec.number("amount", "Amount", 100.0, 0.0, 1000.0, "Strength in percent."),
            ParamSpec.integer("threshold", "Threshold", 0, 0, 255,
                    "Differences smaller than this are left alone (keeps skin and sky smooth).")), true);

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Picture apply(Picture input, Settings s, ToolContext context) {
        BufferedImage img = ImageCopies.toPackedInts(input.pixels(), false);
        UnsharpMask.apply(ImageCopies.pixels(img), img.getWidth(), img.getHeight(), s.getDouble("sigma"),
                s.getDouble("amount") / 100, s.getInt("threshold"), context);
        return input.withPixels(img);
    }
}
