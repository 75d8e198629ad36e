package dev.snapotter.engine.tools;

import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;
import dev.snapotter.engine.tools.support.AlphaOutput;
import dev.snapotter.engine.tools.support.HexColor;
import dev.snapotter.engine.tools.support.RightAngles;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * SnapOtter's {@code rotate}: clockwise by any angle, then optional mirror flips. Multiples of
 * 90° move pixels exactly (no resampling); other angles enlarge the canvas to hold the rotated
 * image and fill the corners with the background colour.
 */
public final class RotateTool implements ImageTool {

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("rotate", "Rotate & flip", "essentials",
            "Rotate by any angle and mirror horizontally or vertically.", List.of(
            ParamSpec.number("angle", "Angle", 0.0, -360.0, 360.0, "Clockwise rotation in degrees."),
            ParamSpec.color("background", "Background", "#000000",
                    "Fills the corners uncovered by angles that are not multiples of 90°; #rrggbbaa for transparency."),
            ParamSpec.bool("horizontal", "Flip horizontally", false, "Mirror left and right (after rotating)."),
            ParamSpec.bool("vertical", "Flip vertically", false, "Mirror top and bottom (after rotating).")), true);

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Picture apply(Picture input, Settings s, ToolContext context) {
        double angle = ((s.getDouble("angle") % 360) + 360) % 360;
        boolean flipH = s.getBool("horizontal");
        boolean flipV = s.getBool("vertical");
        if (angle % 90 == 0) {
            int q = (int) (angle / 90);
            if (q == 0 && !flipH && !flipV) return input;
            return input.withPixels(RightAngles.transform(input.pixels(), q, flipH, flipV));
        }
        context.checkCancelled();
        Color background = HexColor.parse(s.getString("background"));
        BufferedImage rotated = rotateFree(input.pixels(), angle, background);
        if (flipH || flipV) rotated = RightAngles.transform(rotated, 0, flipH, flipV);
        Picture out = input.withPixels(rotated);
        return rotated.getColorModel().hasAlpha() ? out.withOutput(AlphaOutput.keepingAlpha(out.output())) : out;
    }

    private static BufferedImage rotateFree(BufferedImage src, double degrees, Color background) {
        double rad = Math.toRadians(degrees);
        double cos = Math.abs(Math.cos(rad));
        double sin = Math.abs(Math.sin(rad));
        int w = src.getWidth();
        int h = src.getHeight();
        // a hair below .5 so that floating-point noise never adds a column of background
        int dw = (int) Math.ceil(w * cos + h * sin - 1e-6);
        int dh = (int) Math.ceil(w * sin + h * cos - 1e-6);
        boolean alpha = src.getColorModel().hasAlpha() || background.getAlpha() < 255;
        BufferedImage dst = new BufferedImage(dw, dh, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = dst.createGraphics();
        try {
            g.setComposite(java.awt.AlphaComposite.Src);
            g.setColor(background);
            g.fillRect(0, 0, dw, dh);
            g.setComposite(java.awt.AlphaComposite.SrcOver);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            AffineTransform t = new AffineTransform();
            t.translate(dw / 2.0, dh / 2.0);
            t.rotate(rad);
            t.translate(-w / 2.0, -h / 2.0);
            g.drawImage(src, t, null);
        } finally {
            g.dispose();
        }
        return dst;
    }
}
