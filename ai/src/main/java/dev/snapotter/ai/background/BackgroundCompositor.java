package dev.snapotter.ai.background;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.stream.IntStream;

/**
 * Applies an 8-bit alpha mask (at the picture's resolution) to a picture. Existing
 * transparency is kept: the result's alpha is the input's alpha times the mask.
 */
public final class BackgroundCompositor {

    private BackgroundCompositor() {
    }

    /** The picture with the background made transparent (non-premultiplied ARGB). */
    public static BufferedImage transparent(BufferedImage src, byte[] alpha) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        IntStream.range(0, h).parallel().forEach(y -> {
            int[] row = src.getRGB(0, y, w, 1, null, 0, w);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int a = mul(row[x] >>> 24, alpha[o + x] & 0xff);
                dst[o + x] = (a << 24) | (row[x] & 0xffffff);
            }
        });
        return out;
    }

    /**
     * The foreground over a background colour ({@code 0xAARRGGBB}). An opaque colour gives an
     * opaque RGB image; a translucent one gives ARGB composited with the usual "over" rule.
     */
    public static BufferedImage onColor(BufferedImage src, byte[] alpha, int argb) {
        int w = src.getWidth();
        int h = src.getHeight();
        int bgA = argb >>> 24;
        boolean opaque = bgA == 255;
        BufferedImage out = new BufferedImage(w, h, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        IntStream.range(0, h).parallel().forEach(y -> {
            int[] row = src.getRGB(0, y, w, 1, null, 0, w);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int fgA = mul(row[x] >>> 24, alpha[o + x] & 0xff);
                dst[o + x] = over(row[x], fgA, argb, bgA);
            }
        });
        return out;
    }

    /** The mask itself as an 8-bit grey image (white = foreground). */
    public static BufferedImage maskImage(byte[] alpha, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(alpha, 0, dst, 0, alpha.length);
        return out;
    }

    /** fg (alpha {@code fgA}) over bg (alpha {@code bgA}), both 0..255, result non-premultiplied ARGB. */
    static int over(int fg, int fgA, int bg, int bgA) {
        int bgW = mul(bgA, 255 - fgA); // background's share of the result's coverage
        int outA = fgA + bgW;
        if (outA == 0) return 0;
        int r = (((fg >> 16) & 0xff) * fgA + ((bg >> 16) & 0xff) * bgW + outA / 2) / outA;
        int g = (((fg >> 8) & 0xff) * fgA + ((bg >> 8) & 0xff) * bgW + outA / 2) / outA;
        int b = ((fg & 0xff) * fgA + (bg & 0xff) * bgW + outA / 2) / outA;
        return (outA << 24) | (r << 16) | (g << 8) | b;
    }

    /** a·b/255, rounded. */
    static int mul(int a, int b) {
        int t = a * b + 128;
        return (t + (t >> 8)) >> 8;
    }
}
