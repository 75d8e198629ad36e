package dev.snapotter.engine.tools;

import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tools.support.GaussianBlur;
import dev.snapotter.engine.tools.support.ImageCopies;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * A blurred silhouette of the image (following its transparency, so rounded corners cast
 * rounded shadows) behind it, on a transparent canvas grown by the blur spread and the offset.
 */
final class DropShadow {

    private DropShadow() {
    }

    static BufferedImage render(BufferedImage img, int blur, int offsetX, int offsetY, Color color, ToolContext ctx) {
        int w = img.getWidth();
        int h = img.getHeight();
        int spread = (int) Math.ceil(blur * 2.0);
        int padL = Math.max(0, spread - offsetX);
        int padR = Math.max(0, spread + offsetX);
        int padT = Math.max(0, spread - offsetY);
        int padB = Math.max(0, spread + offsetY);
        int cw = w + padL + padR;
        int ch = h + padT + padB;
        int[] silhouette = new int[cw * ch];
        BufferedImage argb = ImageCopies.toPackedInts(img, true);
        int[] src = ImageCopies.pixels(argb);
        int rgb = color.getRGB() & 0xffffff;
        int sx = padL + offsetX;
        int sy = padT + offsetY;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = (src[y * w + x] >>> 24) * color.getAlpha() / 255;
                silhouette[(sy + y) * cw + sx + x] = a << 24 | rgb;
            }
        }
        int[] blurred = GaussianBlur.blur(silhouette, cw, ch, Math.max(blur, 0.3), ctx);
        for (int i = 0; i < blurred.length; i++) blurred[i] = (blurred[i] & 0xff000000) | rgb;
        BufferedImage canvas = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_ARGB);
        canvas.setRGB(0, 0, cw, ch, blurred, 0, cw);
        Graphics2D g = canvas.createGraphics();
        try {
            g.drawImage(argb, padL, padT, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }
}
