package dev.snapotter.engine.codec.imageio;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;

/**
 * Brings decoded images into the few layouts the tools work on (3BYTE_BGR, 4BYTE_ABGR,
 * BYTE_GRAY, INT_RGB, INT_ARGB). 8-bit RGB in a foreign colour space (an embedded ICC profile)
 * is copied sample by sample so the values, and thus the meaning of the kept profile, stay
 * intact; anything else (CMYK, 16-bit, indexed, float) is converted to sRGB by Java2D.
 */
final class PixelLayout {

    /** @param colourConverted true when the sample values were converted to sRGB (an embedded profile no longer applies) */
    record Result(BufferedImage image, boolean colourConverted) {
    }

    private PixelLayout() {
    }

    static Result normalise(BufferedImage src) {
        switch (src.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY,
                 BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                return new Result(src, false);
            }
            default -> {
            }
        }
        ColorModel cm = src.getColorModel();
        boolean alpha = cm.hasAlpha();
        if (isEightBitRgb(cm)) {
            return new Result(copySamples(src, alpha), false);
        }
        ColorSpace cs = cm.getColorSpace();
        boolean converts = !(cs.isCS_sRGB() || cs == ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB) || cs.getType() == ColorSpace.TYPE_GRAY);
        int type = alpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return new Result(out, converts);
    }

    private static boolean isEightBitRgb(ColorModel cm) {
        return cm instanceof ComponentColorModel && cm.getTransferType() == DataBuffer.TYPE_BYTE
                && cm.getColorSpace().getType() == ColorSpace.TYPE_RGB
                && cm.getNumComponents() == (cm.hasAlpha() ? 4 : 3) && !cm.isAlphaPremultiplied();
    }

    /** Copies R, G, B (and A) sample values unchanged; both rasters list bands in R, G, B, A order. */
    private static BufferedImage copySamples(BufferedImage src, boolean alpha) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster in = src.getRaster();
        WritableRaster dst = out.getRaster();
        int[] row = null;
        for (int y = 0; y < h; y++) {
            row = in.getPixels(0, y, w, 1, row);
            dst.setPixels(0, y, w, 1, row);
        }
        return out;
    }
}
