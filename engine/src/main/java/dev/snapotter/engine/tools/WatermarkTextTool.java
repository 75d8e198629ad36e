package dev.snapotter.engine.tools;

import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;
import dev.snapotter.engine.tools.support.BundledFont;
import dev.snapotter.engine.tools.support.HexColor;
import dev.snapotter.engine.tools.support.ImageCopies;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * SnapOtter's {@code watermark-text}: semi-transparent text in the centre, a corner, or tiled
 * over the whole image, optionally rotated. Rendered with the bundled DejaVu Sans and Java2D,
 * which works with {@code java.awt.headless=true}.
 */
public final class WatermarkTextTool implements ImageTool {

    /** SnapOtter caps tiling at 500 copies so a tiny font on a huge image stays cheap. */
    static final int MAX_TILES = 500;

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("watermark-text", "Text watermark", "watermark",
            "Stamp semi-transparent text on the image.", List.of(
            ParamSpec.text("text", "Text", null, 500, "The watermark text (required)."),
            ParamSpec.number("fontSize", "Font size", 48.0, 8.0, 1000.0, "Text height in pixels."),
            ParamSpec.color("color", "Colour", "#000000", "Text colour."),
            ParamSpec.number("opacity", "Opacity", 50.0, 0.0, 100.0, "Text opacity in percent."),
            ParamSpec.choice("position", "Position", "center",
                    List.of("center", "top-left", "top-right", "bottom-left", "bottom-right", "tiled"),
                    "Where the text goes; tiled repeats it over the whole image."),
            ParamSpec.number("rotation", "Rotation", 0.0, -360.0, 360.0, "Clockwise rotation of the text in degrees.")), true);

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> crossCheck(Settings s) {
        if (s.optString("text").map(String::isBlank).orElse(true)) return List.of(new FieldError("text", "is required"));
        return List.of();
    }

    @Override
    public Picture apply(Picture input, Settings s, ToolContext context) {
        BufferedImage src = input.pixels();
        BufferedImage out = ImageCopies.canvasFor(src, src.getWidth(), src.getHeight(), false);
        if (out.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        }
        float size = (float) s.getDouble("fontSize");
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(java.awt.AlphaComposite.Src);
            g.drawImage(src, 0, 0, null);
            g.setComposite(java.awt.AlphaComposite.SrcOver);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(HexColor.withOpacity(HexColor.parse(s.getString("color")), s.getDouble("opacity") / 100));
            Font font = BundledFont.sans(size);
            TextLayout layout = new TextLayout(s.getString("text"), font, g.getFontRenderContext());
            double rotation = Math.toRadians(s.getDouble("rotation"));
            String position = s.getString("position");
            if (position.equals("tiled")) {
                tile(g, layout, size, rotation, out.getWidth(), out.getHeight(), context);
            } else {
                double[] anchor = anchor(position, layout, size, out.getWidth(), out.getHeight());
                draw(g, layout, anchor[0], anchor[1], rotation);
            }
        } finally {
            g.dispose();
        }
        return input.withPixels(out);
    }

    /** Centre of the text box: centred, or one font size in from the chosen corner. */
    private static double[] anchor(String position, TextLayout layout, double size, int w, int h) {
        Rectangle2D b = layout.getBounds();
        double halfW = b.getWidth() / 2;
        double halfH = b.getHeight() / 2;
        return switch (position) {
            case "top-left" -> new double[]{size + halfW, size + halfH};
            case "top-right" -> new double[]{w - size - halfW, size + halfH};
            case "bottom-left" -> new double[]{size + halfW, h - size - halfH};
            case "bottom-right" -> new double[]{w - size - halfW, h - size - halfH};
            default -> new double[]{w / 2.0, h / 2.0};
        };
    }

    private static void tile(Graphics2D g, TextLayout layout, double size, double rotation, int w, int h, ToolContext ctx) {
        double stepX = Math.max(size * 6, layout.getBounds().getWidth() + size * 2);
        double stepY = size * 4;
        int count = 0;
        for (double y = stepY / 2; y < h + stepY && count < MAX_TILES; y += stepY) {
            ctx.checkCancelled();
            for (double x = stepX / 2; x < w + stepX && count < MAX_TILES; x += stepX, count++) {
                draw(g, layout, x, y, rotation);
            }
        }
    }

    /** Draws the text with its box centred on (cx, cy), rotated about that point. */
    private static void draw(Graphics2D g, TextLayout layout, double cx, double cy, double rotation) {
        Rectangle2D b = layout.getBounds();
        AffineTransform saved = g.getTransform();
        g.rotate(rotation, cx, cy);
        layout.draw(g, (float) (cx - b.getX() - b.getWidth() / 2), (float) (cy - b.getY() - b.getHeight() / 2));
        g.setTransform(saved);
    }
}
