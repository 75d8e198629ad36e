package dev.snapotter.engine.tools.support;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * Lossless quarter-turn rotations and mirror flips: every output pixel is an exact copy of one
 * input pixel, in the image's own sample layout (8- or 16-bit, gray, indexed, CMYK alike).
 */
public final class RightAngles {

    private RightAngles() {
    }

    /**
     * Rotates clockwise by {@code quarterTurns} × 90°, then mirrors left-right ({@code flipH})
     * and/or top-bottom ({@code flipV}).
     */
    public static BufferedImage transform(BufferedImage src, int quarterTurns, boolean flipH, boolean flipV) {
        int q = Math.floorMod(quarterTurns, 4);
        int w = src.getWidth();
        int h = src.getHeight();
        int dw = q % 2 == 0 ? w : h;
        int dh = q % 2 == 0 ? h : w;
        // the source index is affine in (x', y'): evaluate it at three points
        long base = index(0, 0, q, flipH, flipV, w, h, dw, dh);
        long dx = index(1, 0, q, flipH, flipV, w, h, dw, dh) - base;
        long dy = index(0, 1, q, flipH, flipV, w, h, dw, dh) - base;
        WritableRaster in = src.getRaster();
        int n = in.getNumDataElements();
        Object data = in.getDataElements(0, 0, w, h, null);
        Object out = remap(data, n, dw, dh, base, dx, dy);
        WritableRaster raster = in.createCompatibleWritableRaster(dw, dh);
        raster.setDataElements(0, 0, dw, dh, out);
        return new BufferedImage(src.getColorModel(), raster, src.isAlphaPremultiplied(), null);
    }

    private static long index(int xd, int yd, int q, boolean flipH, boolean flipV, int w, int h, int dw, int dh) {
        long xr = flipH ? dw - 1L - xd : xd;
        long yr = flipV ? dh - 1L - yd : yd;
        long sx;
        long sy;
        switch (q) {
            case 0 -> { sx = xr; sy = yr; }
            case 1 -> { sx = yr; sy = h - 1L - xr; }
            case 2 -> { sx = w - 1L - xr; sy = h - 1L - yr; }
            default -> { sx = w - 1L - yr; sy = xr; }
        }
        return sy * w + sx;
    }

    private static Object remap(Object data, int n, int dw, int dh, long base, long dx, long dy) {
        if (data instanceof byte[] b && n == 1) {
            byte[] o = new byte[dw * dh];
            for (int y = 0; y < dh; y++) {
                long i = base + y * dy;
                int row = y * dw;
                for (int x = 0; x < dw; x++, i += dx) o[row + x] = b[(int) i];
            }
            return o;
        }
        if (data instanceof int[] a && n == 1) {
            int[] o = new int[dw * dh];
            for (int y = 0; y < dh; y++) {
                long i = base + y * dy;
                int row = y * dw;
                for (int x = 0; x < dw; x++, i += dx) o[row + x] = a[(int) i];
            }
            return o;
        }
        if (data instanceof byte[] b) {
            byte[] o = new byte[dw * dh * n];
            for (int y = 0; y < dh; y++) {
                long i = base + y * dy;
                int p = y * dw * n;
                for (int x = 0; x < dw; x++, i += dx, p += n) {
                    int s = (int) i * n;
                    for (int k = 0; k < n; k++) o[p + k] = b[s + k];
                }
            }
            return o;
        }
        Object o = java.lang.reflect.Array.newInstance(data.getClass().getComponentType(), dw * dh * n);
        for (int y = 0; y < dh; y++) {
            long i = base + y * dy;
            for (int x = 0; x < dw; x++, i += dx) {
                System.arraycopy(data, (int) i * n, o, (y * dw + x) * n, n);
            }
        }
        return o;
    }
}
