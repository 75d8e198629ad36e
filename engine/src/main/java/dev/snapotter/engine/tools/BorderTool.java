package dev.snapotter.engine.tools;

import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;
import dev.snapotter.engine.tools.support.AlphaOutput;
import dev.snapotter.engine.tools.support.HexColor;
import dev.snapotter.engine.tools.support.ImageCopies;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * SnapOtter's {@code border}, in its order: padding, border, rounded corners, drop shadow.
 * Corners and shadows need transparency, so they switch JPEG-like outputs to PNG.
 */
public final class BorderTool implements ImageTool {

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("border", "Border", "adjustments",
            "Add padding, a coloured border, rounded corners and a drop shadow.", List.of(
            ParamSpec.integer("borderWidth", "Border width", 10, 0, 2000, "Border thickness in pixels."),
            ParamSpec.color("borderColor", "Border colour", "#000000", "Colour of the border."),
            ParamSpec.integer("padding", "Padding", 0, 0, 200, "Space between the image and the border, in pixels."),
            ParamSpec.color("paddingColor", "Padding colour", "#ffffff", "Colour of the padding."),
            ParamSpec.integer("cornerRadius", "Corner radius", 0, 0, 2000, "Rounds the outer corners (makes them transparent)."),
            ParamSpec.bool("shadow", "Shadow", false, "Add a soft drop shadow (on a transparent background)."),
            ParamSpec.integer("shadowBlur", "Shadow blur", 15, 1, 200, "Shadow softness (Gaussian sigma in pixels)."),
            ParamSpec.integer("shadowOffsetX", "Shadow offset X", 0, -50, 50, "Horizontal shadow offset in pixels."),
            ParamSpec.integer("shadowOffsetY", "Shadow offset Y", 5, -50, 50, "Vertical shadow offset in pixels."),
            ParamSpec.color("shadowColor", "Shadow colour", "#000000", "Colour of the shadow."),
            ParamSpec.number("shadowOpacity", "Shadow opacity", 40.0, 0.0, 100.0, "Shadow opacity in percent.")), true);

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Picture apply(Picture input, Settings s, ToolContext context) {
        BufferedImage img = input.pixels();
        int padding = s.getInt("padding");
        int border = s.getInt("borderWidth");
        int radius = s.getInt("cornerRadius");
        boolean shadow = s.getBool("shadow");
        boolean alpha = radius > 0 || shadow;
        if (padding == 0 && border == 0 && !alpha) return input;
        if (padding > 0) img = extend(img, padding, HexColor.parse(s.getString("paddingColor")), alpha);
        if (border > 0) img = extend(img, border, HexColor.parse(s.getString("borderColor")), alpha);
        context.checkCancelled();
        if (radius > 0) img = roundCorners(img, radius);
        if (shadow) {
            img = DropShadow.render(img, s.getInt("shadowBlur"), s.getInt("shadowOffsetX"), s.getInt("shadowOffsetY"),
                    HexColor.withOpacity(HexColor.parse(s.getString("shadowColor")), s.getDouble("shadowOpacity") / 100), context);
        }
        Picture out = input.withPixels(img);
        return img.getColorModel().hasAlpha() ? out.withOutput(AlphaOutput.keepingAlpha(out.output())) : out;
    }

    private static BufferedImage extend(BufferedImage src, int by, Color color, boolean alpha) {
        BufferedImage canvas = ImageCopies.canvasFor(src, src.getWidth() + 2 * by, src.getHeight() + 2 * by, alpha);
        if (canvas.getType() == BufferedImage.TYPE_BYTE_GRAY && !isGray(color)) {
            canvas = new BufferedImage(canvas.getWidth(), canvas.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        }
        Graphics2D g = canvas.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setColor(color);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.drawImage(src, by, by, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private static boolean isGray(Color c) {
        return c.getRed() == c.getGreen() && c.getGreen() == c.getBlue();
    }

    /** Keeps only the pixels inside an anti-aliased rounded rectangle. */
    private static BufferedImage roundCorners(BufferedImage src, int radius) {
        int w = src.getWidth();
        int h = src.getHeight();
        double r = Math.min(radius, Math.min(w, h) / 2.0);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fill(new RoundRectangle2D.Double(0, 0, w, h, 2 * r, 2 * r));
            g.setComposite(AlphaComposite.SrcIn);
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
