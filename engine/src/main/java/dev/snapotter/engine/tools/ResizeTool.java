package dev.snapotter.engine.tools;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.pipeline.DirectPlan;
import dev.snapotter.engine.pipeline.DirectStep;
import dev.snapotter.engine.resample.LanczosResampler;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.InvalidSettingsException;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;
import dev.snapotter.engine.tools.support.ImageCopies;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/** SnapOtter's {@code resize}: Lanczos3 to a size, a percentage, or a box with a fit mode. */
public final class ResizeTool implements ImageTool, DirectStep {

    public static final int MAX_SIDE = 16383;

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("resize", "Resize", "essentials",
            "Change the pixel size with high-quality Lanczos3 resampling.", List.of(
            ParamSpec.integer("width", "Width", null, 1, MAX_SIDE, "Target width in pixels."),
            ParamSpec.integer("height", "Height", null, 1, MAX_SIDE, "Target height in pixels."),
            ParamSpec.choice("fit", "Fit", "contain", List.of("contain", "cover", "fill", "inside", "outside"),
                    "With both width and height: contain letterboxes, cover crops the centre, fill stretches, "
                            + "inside/outside keep the aspect ratio within/around the box."),
            ParamSpec.bool("withoutEnlargement", "Don't enlarge", false, "Never make the image larger than it is."),
            ParamSpec.number("percentage", "Percentage", null, 0.01, 1000.0,
                    "Scale both sides by this percentage; takes precedence over width and height.")), true);

    private final LanczosResampler resampler;

    public ResizeTool() {
        this(LanczosResampler.forAllCores());
    }

    public ResizeTool(LanczosResampler resampler) {
        this.resampler = resampler;
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> crossCheck(Settings s) {
        if (!s.has("width") && !s.has("height") && !s.has("percentage")) {
            return List.of(new FieldError("width", "set width, height or percentage"));
        }
        return List.of();
    }

    @Override
    public Picture apply(Picture input, Settings s, ToolContext context) {
        BufferedImage src = input.pixels();
        ResizeGeometry g = ResizeGeometry.plan(src.getWidth(), src.getHeight(), s.optInt("width").orElse(null),
                s.optInt("height").orElse(null), s.optDouble("percentage").orElse(null), s.getString("fit"),
                s.getBool("withoutEnlargement"));
        checkOutput(g, s, context);
        if (g.isIdentity(src.getWidth(), src.getHeight())) return input;
        BufferedImage content = g.contentWidth() == src.getWidth() && g.contentHeight() == src.getHeight()
                ? src : resampler.resize(src, g.contentWidth(), g.contentHeight(), context::checkCancelled);
        if (g.canvasWidth() == g.contentWidth() && g.canvasHeight() == g.contentHeight()) {
            return input.withPixels(content);
        }
        if (g.offsetX() <= 0 && g.offsetY() <= 0) { // cover: keep the centre
            return input.withPixels(ImageCopies.copy(content, -g.offsetX(), -g.offsetY(), g.canvasWidth(), g.canvasHeight()));
        }
        return input.withPixels(letterbox(content, g));
    }

    /** Plain resizes (no letterbox, no crop) run natively when the codec can; see {@link DirectStep}. */
    @Override
    public Optional<DirectPlan> direct(DirectPlan before, Settings s, EngineLimits limits) {
        ResizeGeometry g = ResizeGeometry.plan(before.width(), before.height(), s.optInt("width").orElse(null),
                s.optInt("height").orElse(null), s.optDouble("percentage").orElse(null), s.getString("fit"),
                s.getBool("withoutEnlargement"));
        if (g.isIdentity(before.width(), before.height())) return Optional.of(before);
        boolean plain = g.canvasWidth() == g.contentWidth() && g.canvasHeight() == g.contentHeight();
        boolean withinLimits = g.canvasWidth() <= MAX_SIDE && g.canvasHeight() <= MAX_SIDE
                && (long) g.canvasWidth() * g.canvasHeight() <= limits.maxPixels();
        return plain && withinLimits ? Optional.of(before.resizedTo(g.contentWidth(), g.contentHeight())) : Optional.empty();
    }

    /** contain: the content centred on black, or on transparency when the image has alpha. */
    private static BufferedImage letterbox(BufferedImage content, ResizeGeometry g) {
        BufferedImage canvas = ImageCopies.canvasFor(content, g.canvasWidth(), g.canvasHeight(), false);
        Graphics2D gr = canvas.createGraphics();
        try {
            if (!canvas.getColorModel().hasAlpha()) {
                gr.setColor(Color.BLACK);
                gr.fillRect(0, 0, g.canvasWidth(), g.canvasHeight());
            }
            gr.drawImage(content, g.offsetX(), g.offsetY(), null);
        } finally {
            gr.dispose();
        }
        return canvas;
    }

    private static void checkOutput(ResizeGeometry g, Settings s, ToolContext context) {
        String field = s.has("percentage") ? "percentage" : s.has("width") ? "width" : "height";
        if (g.canvasWidth() > MAX_SIDE || g.canvasHeight() > MAX_SIDE) {
            throw new InvalidSettingsException(List.of(new FieldError(field, "would make the image "
                    + g.canvasWidth() + "×" + g.canvasHeight() + "; each side must be ≤ " + MAX_SIDE)));
        }
        long pixels = (long) Math.max(g.canvasWidth(), g.contentWidth()) * Math.max(g.canvasHeight(), g.contentHeight());
        if (pixels > context.limits().maxPixels()) {
            throw new InvalidSettingsException(List.of(new FieldError(field, "would make a "
                    + String.format(java.util.Locale.ROOT, "%.1f", pixels / 1e6) + " MP image; the limit is "
                    + context.limits().maxMegapixels() + " MP")));
        }
    }
}
