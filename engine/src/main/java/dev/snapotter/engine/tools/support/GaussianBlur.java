package dev.snapotter.engine.tools.support;

import dev.snapotter.engine.tool.ToolContext;

/**
 * Separable Gaussian blur of packed 8-bit pixels (all four bytes of each int), edges extended
 * by copying. Small sigmas use an exact kernel (16-bit fixed point, 3 sigma each side); large
 * ones (shadows up to sigma 200) three running box blurs, which approximate a Gaussian to a few
 * percent at a cost independent of sigma.
 */
public final class GaussianBlur {

    private static final int SHIFT = 16;

    private GaussianBlur() {
    }

    /** Returns a blurred copy of {@code px} ({@code w × h} packed ints); {@code px} is only read. */
    public static int[] blur(int[] px, int w, int h, double sigma, ToolContext ctx) {
        if (sigma > 4) return BoxBlur.gaussianApprox(px, w, h, sigma, ctx);
        int[] kernel = kernel(sigma);
        int r = kernel.length / 2;
        int[] tmp = new int[px.length];
        for (int y = 0; y < h; y++) {
            if ((y & 63) == 0) ctx.checkCancelled();
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int a = 0, b = 0, c = 0, d = 0;
                for (int k = -r; k <= r; k++) {
                    int p = px[row + Math.max(0, Math.min(w - 1, x + k))];
                    int wk = kernel[k + r];
                    a += wk * (p >>> 24);
                    b += wk * ((p >> 16) & 0xff);
                    c += wk * ((p >> 8) & 0xff);
                    d += wk * (p & 0xff);
                }
                tmp[row + x] = pack(a, b, c, d);
            }
        }
        int[] out = new int[px.length];
        for (int y = 0; y < h; y++) {
            if ((y & 63) == 0) ctx.checkCancelled();
            for (int x = 0; x < w; x++) {
                int a = 0, b = 0, c = 0, d = 0;
                for (int k = -r; k <= r; k++) {
                    int p = tmp[Math.max(0, Math.min(h - 1, y + k)) * w + x];
                    int wk = kernel[k + r];
                    a += wk * (p >>> 24);
                    b += wk * ((p >> 16) & 0xff);
                    c += wk * ((p >> 8) & 0xff);
                    d += wk * (p & 0xff);
                }
                out[y * w + x] = pack(a, b, c, d);
            }
        }
        return out;
    }

    private static int pack(int a, int b, int c, int d) {
        int half = 1 << (SHIFT - 1);
        return ((a + half) >> SHIFT) << 24 | ((b + half) >> SHIFT) << 16 | ((c + half) >> SHIFT) << 8 | ((d + half) >> SHIFT);
    }

    /** Odd-length kernel summing to exactly 2^16. */
    static int[] kernel(double sigma) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] g = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            g[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += g[i + r];
        }
        int[] k = new int[g.length];
        int total = 0;
        for (int i = 0; i < g.length; i++) {
            k[i] = (int) Math.round(g[i] / sum * (1 << SHIFT));
            total += k[i];
        }
        k[r] += (1 << SHIFT) - total;
        return k;
    }
}
