package dev.snapotter.engine.codec.imageio;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Final step of a thumbnail decode: the subsampled image is at most about twice the wanted size,
 * so a bilinear scale in halving steps is enough (previews, not output).
 */
final class Thumbnails {

    private Thumbnails() {
    }

    static BufferedImage fit(BufferedImage img, int maxSide) {
        BufferedImage current = img;
        while (Math.max(current.getWidth(), current.getHeight()) > maxSide) {
            double scale = Math.max(0.5, (double) maxSide / Math.max(current.getWidth(), current.getHeight()));
            int w = Math.max(1, (int) Math.round(current.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(current.getHeight() * scale));
            current = scale(current, w, h);
        }
        return current;
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        int type = src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB
                : src.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
