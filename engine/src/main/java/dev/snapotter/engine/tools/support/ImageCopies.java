package dev.snapotter.engine.tools.support;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.WritableRaster;

/**
 * Fresh images for tools to work on, so the input picture's pixels are never touched.
 */
public final class ImageCopies {

    private ImageCopies() {
    }

    /** A compact copy of {@code src} (or of a region of it) with the same colour model and sample layout. */
    public static BufferedImage copy(BufferedImage src, int x, int y, int w, int h) {
        WritableRaster raster = src.getRaster().createCompatibleWritableRaster(w, h);
        raster.setDataElements(0, 0, src.getRaster().createChild(x, y, w, h, 0, 0, null));
        return new BufferedImage(src.getColorModel(), raster, src.isAlphaPremultiplied(), null);
    }

    public static BufferedImage copy(BufferedImage src) {
        return copy(src, 0, 0, src.getWidth(), src.getHeight());
    }

    /**
     * A copy as packed INT_ARGB (when the source or {@code forceAlpha} needs alpha) or INT_RGB,
     * the layout the per-pixel tools work on. Colour is converted to sRGB by Java2D if needed.
     */
    public static BufferedImage toPackedInts(BufferedImage src, boolean forceAlpha) {
        boolean alpha = forceAlpha || src.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        if (src.getType() == out.getType()) {
            return copy(src);
        }
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(java.awt.AlphaComposite.Src);
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The packed pixels behind an image made by {@link #toPackedInts}. */
    public static int[] pixels(BufferedImage packed) {
        return ((DataBufferInt) packed.getRaster().getDataBuffer()).getData();
    }

    /** A blank canvas that can hold {@code src}'s pixels plus (when asked) transparency. */
    public static BufferedImage canvasFor(BufferedImage src, int w, int h, boolean alpha) {
        if (alpha || src.getColorModel().hasAlpha()) return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        if (src.getType() == BufferedImage.TYPE_BYTE_GRAY) return new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        return new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    }
}
