package dev.snapotter.engine.resample;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Reads one source row into ints in the {@link RowFormat} layout. Never writes to the image.
 * Opaque samples are plain 0..255; premultiplied samples are scaled by 16 (0..4080) so the
 * division by alpha at the end loses no precision.
 */
@FunctionalInterface
interface SourceRows {

    /** Fills {@code dst[off .. off + width × channels)} with row {@code y}. */
    void read(int y, int[] dst, int off);

    static SourceRows bytes(BufferedImage img, int channels) {
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int len = img.getWidth() * channels;
        return (y, dst, off) -> widen(data, y * len, dst, off, len);
    }

    /** Kept tiny and branch-free: C2 turns it into packed byte-to-int conversions. */
    private static void widen(byte[] src, int srcOff, int[] dst, int off, int len) {
        for (int i = 0; i < len; i++) dst[off + i] = src[srcOff + i] & 0xff;
    }

    static SourceRows premultipliedBytes(BufferedImage img, int alphaIndex) {
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int w = img.getWidth();
        return (y, dst, off) -> {
            int src = y * w * 4;
            for (int i = 0; i < w * 4; i += 4) {
                int a = data[src + i + alphaIndex] & 0xff;
                for (int c = 0; c < 4; c++) {
                    int v = data[src + i + c] & 0xff;
                    dst[off + i + c] = c == alphaIndex ? v << 4 : premultiply(v, a);
                }
            }
        };
    }

    static SourceRows packedInts(BufferedImage img, boolean alpha) {
        int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int w = img.getWidth();
        return (y, dst, off) -> unpack(data, y * w, w, alpha, false, dst, off);
    }

    /**
     * Any other layout, through the colour model (slower, but correct for indexed, 16-bit, custom).
     * Samples come out in B,G,R (A,B,G,R) order to match the 3BYTE_BGR/4BYTE_ABGR target.
     */
    static SourceRows argb(BufferedImage img, boolean alpha) {
        int w = img.getWidth();
        return (y, dst, off) -> {
            int[] argb = new int[w]; // one short-lived row; TLAB allocation is cheaper than a ThreadLocal lookup
            img.getRGB(0, y, w, 1, argb, 0, w);
            unpack(argb, 0, w, alpha, true, dst, off);
        };
    }

    /** ARGB ints to (A,)R,G,B samples, or (A,)B,G,R with {@code bgr}. */
    private static void unpack(int[] px, int pxOff, int w, boolean alpha, boolean bgr, int[] dst, int dstOff) {
        int rs = bgr ? 0 : 16;
        int bs = bgr ? 16 : 0;
        if (alpha) {
            for (int x = 0; x < w; x++) {
                int p = px[pxOff + x];
                int a = p >>> 24;
                int o = dstOff + x * 4;
                dst[o] = a << 4;
                dst[o + 1] = premultiply((p >> rs) & 0xff, a);
                dst[o + 2] = premultiply((p >> 8) & 0xff, a);
                dst[o + 3] = premultiply((p >> bs) & 0xff, a);
            }
        } else {
            for (int x = 0; x < w; x++) {
                int p = px[pxOff + x];
                int o = dstOff + x * 3;
                dst[o] = (p >> rs) & 0xff;
                dst[o + 1] = (p >> 8) & 0xff;
                dst[o + 2] = (p >> bs) & 0xff;
            }
        }
    }

    /** {@code v × a / 255} in units of 1/16, rounded. */
    private static int premultiply(int v, int a) {
        return (v * a * 16 + 127) / 255;
    }
}
