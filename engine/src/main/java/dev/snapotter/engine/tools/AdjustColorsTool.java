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
 * SnapOtter's {@code adjust-colors}, in its order: light (brightness, contrast, exposure), colour
 * (saturation, hue, temperature, tint), detail (sharpness), channels, then one effect.
 */
public final class AdjustColorsTool implements ImageTool {

    private static final int ROWS_PER_CHECK = 256;

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("adjust-colors", "Adjust colours", "adjustments",
            "Brightness, contrast, exposure, saturation, hue, white balance, channels and effects.", List.of(
            ParamSpec.number("brightness", "Brightness", 0.0, -100.0, 100.0, "−100 black … 100 twice as bright."),
            ParamSpec.number("contrast", "Contrast", 0.0, -100.0, 100.0, "−100 flat grey … 100 double contrast."),
            ParamSpec.number("exposure", "Exposure", 0.0, -100.0, 100.0, "Brightens (positive) or darkens the mid-tones."),
            ParamSpec.number("saturation", "Saturation", 0.0, -100.0, 100.0, "−100 removes all colour."),
            ParamSpec.number("temperature", "Temperature", 0.0, -100.0, 100.0, "Cooler (blue) … warmer (orange)."),
            ParamSpec.number("tint", "Tint", 0.0, -100.0, 100.0, "Green … magenta."),
            ParamSpec.integer("hue", "Hue", 0, -180, 180, "Rotates all hues by this many degrees."),
            ParamSpec.number("sharpness", "Sharpness", 0.0, 0.0, 100.0, "Unsharp-mask strength (sigma 1)."),
            ParamSpec.number("red", "Red", 100.0, 0.0, 200.0, "Red channel gain in percent."),
            ParamSpec.number("green", "Green", 100.0, 0.0, 200.0, "Green channel gain in percent."),
            ParamSpec.number("blue", "Blue", 100.0, 0.0, 200.0, "Blue channel gain in percent."),
            ParamSpec.choice("effect", "Effect", "none", List.of("none", "grayscale", "sepia", "invert"),
                    "Applied last.")), true);

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Picture apply(Picture input, Settings s, ToolContext context) {
        BufferedImage img = ImageCopies.toPackedInts(input.pixels(), false);
        int[] px = ImageCopies.pixels(img);
        int w = img.getWidth();
        int h = img.getHeight();
        int[] tone = ColorTransform.toneCurve(s.getDouble("brightness"), s.getDouble("contrast"), s.getDouble("exposure"));
        double[] colour = ColorTransform.multiply(
                ColorTransform.temperatureTint(s.getDouble("temperature"), s.getDouble("tint")),
                ColorTransform.saturationHue(s.getDouble("saturation"), s.getInt("hue")));
        pass(px, w, h, tone, colour, false, context);
        double sharpness = s.getDouble("sharpness");
        if (sharpness > 0) UnsharpMask.apply(px, w, h, 1.0, sharpness / 100 * 2, 0, context);
        String effect = s.getString("effect");
        double[] last = ColorTransform.diagonal(s.getDouble("red") / 100, s.getDouble("green") / 100, s.getDouble("blue") / 100);
        if (effect.equals("grayscale")) last = ColorTransform.multiply(ColorTransform.grayscale(), last);
        if (effect.equals("sepia")) last = ColorTransform.multiply(ColorTransform.sepia(), last);
        pass(px, w, h, identityCurve(), last, effect.equals("invert"), context);
        return input.withPixels(img);
    }

    private static void pass(int[] px, int w, int h, int[] lut, double[] m, boolean invert, ToolContext context) {
        for (int y = 0; y < h; y += ROWS_PER_CHECK) {
            context.checkCancelled();
            ColorTransform.apply(px, y * w, Math.min(h, y + ROWS_PER_CHECK) * w, lut, m, invert);
        }
    }

    private static int[] identityCurve() {
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) lut[i] = i;
        return lut;
    }
}
