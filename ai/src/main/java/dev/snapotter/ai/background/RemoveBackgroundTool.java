package dev.snapotter.ai.background;

import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

/**
 * SnapOtter's {@code remove-background}: segments the salient subject with ISNet and makes
 * the rest transparent or a colour, or returns the mask itself. Of SnapOtter's settings only
 * {@code backgroundType} transparent|color and {@code backgroundColor} are offered (gradient,
 * blur, image and shadow are not implemented, so they are not advertised), plus
 * {@code returnMask}.
 */
public final class RemoveBackgroundTool implements ImageTool, AutoCloseable {

    public static final String ID = "remove-background";

    /** Formats that keep an alpha channel; anything else is written as PNG when alpha is needed. */
    private static final Set<ImageFormat> ALPHA_FORMATS =
            Set.of(ImageFormat.PNG, ImageFormat.TIFF, ImageFormat.WEBP, ImageFormat.AVIF, ImageFormat.HEIF);

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor(ID, "Remove background", "ai",
            "Finds the main subject with an on-device AI model and removes or replaces the background.",
            List.of(
                    ParamSpec.choice("backgroundType", "Background", "transparent", List.of("transparent", "color"),
                            "Make the background transparent or fill it with a colour."),
                    ParamSpec.color("backgroundColor", "Background colour", "#ffffff",
                            "Fill colour when the background type is colour (#rrggbb or #rrggbbaa)."),
                    ParamSpec.bool("returnMask", "Return mask", false,
                            "Return the subject mask (white = subject) as a greyscale PNG instead of the cut-out.")),
            true);

    private final Segmenter segmenter;

    public RemoveBackgroundTool(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Picture apply(Picture input, Settings settings, ToolContext context) {
        context.checkCancelled();
        BufferedImage src = input.pixels();
        Mask mask = segmenter.segment(src, context);
        context.checkCancelled();
        byte[] alpha = mask.toAlpha(src.getWidth(), src.getHeight());
        context.checkCancelled();
        if (settings.getBool("returnMask")) {
            // an RGB ICC profile does not describe a grey mask (and PNG forbids it on grey images)
            return new Picture(BackgroundCompositor.maskImage(alpha, src.getWidth(), src.getHeight()),
                    input.metadata().withoutIcc(), input.output().withFormat(ImageFormat.PNG));
        }
        BufferedImage out = "color".equals(settings.getString("backgroundType"))
                ? BackgroundCompositor.onColor(src, alpha, parseColor(settings.getString("backgroundColor")))
                : BackgroundCompositor.transparent(src, alpha);
        return new Picture(out, input.metadata(), outputFor(input.output(), out.getColorModel().hasAlpha()));
    }

    /** Keeps the requested format unless the result has alpha the format cannot hold. */
    static OutputSpec outputFor(OutputSpec requested, boolean hasAlpha) {
        return hasAlpha && !ALPHA_FORMATS.contains(requested.format()) ? requested.withFormat(ImageFormat.PNG) : requested;
    }

    /** "#rrggbb" or "#rrggbbaa" (already validated) → 0xAARRGGBB. */
    static int parseColor(String hex) {
        int rgb = Integer.parseUnsignedInt(hex.substring(1, 7), 16);
        int a = hex.length() == 9 ? Integer.parseInt(hex.substring(7, 9), 16) : 0xff;
        return (a << 24) | rgb;
    }

    /** Unloads the model (it loads again on next use). */
    @Override
    public void close() {
        segmenter.close();
    }
}
