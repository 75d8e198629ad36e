package dev.snapotter.engine.tools.support;

import dev.snapotter.engine.tool.ToolContext;

/** Three successive box blurs (running sums) approximating a Gaussian of large sigma. */
final class BoxBlur {

    private BoxBlur() {
    }

    static int[] gaussianApprox(int[] px, int w, int h, double sigma, ToolContext ctx) {
        int[] a = px.clone();
        int[] b = new int[px.length];
        for (int radius : radii(sigma)) {
            pass(a, b, w, h, radius, 1, w, ctx);   // rows
            pass(b, a, h, w, radius, w, 1, ctx);   // columns
        }
        return a;
    }

    /** Box radii whose three passes give a Gaussian of {@code sigma} (Kovesi's method). */
    static int[] radii(double sigma) {
        double ideal = Math.sqrt(12 * sigma * sigma / 3 + 1);
        int lower = (int) Math.floor(ideal);
        if (lower % 2 == 0) lower--;
        int upper = lower + 2;
        double m = (12 * sigma * sigma - 3 * lower * lower - 12 * lower - 9) / (-4.0 * lower - 4);
        int[] r = new int[3];
        for (int i = 0; i < 3; i++) r[i] = ((i < Math.round(m) ? lower : upper) - 1) / 2;
        return r;
    }

    /**
     * Blurs {@code lines} lines of {@code len} pixels each; pixel i of line l sits at
     * {@code l * lineStep + i * step}.
     */
    private static void pass(int[] src, int[] dst, int len, int lines, int r, int step, int lineStep, ToolContext ctx) {
        int n = 2 * r + 1;
        for (int l = 0; l < lines; l++) {
            if ((l & 63) == 0) ctx.checkCancelled();
            int base = l * lineStep;
            int[] sum = new int[4];
            for (int i = -r - 1; i < r; i++) add(sum, src[base + clamp(i, len) * step], 1);
            for (int i = 0; i < len; i++) {
                add(sum, src[base + clamp(i + r, len) * step], 1);
                add(sum, src[base + clamp(i - r - 1, len) * step], -1);
                dst[base + i * step] = (sum[0] + n / 2) / n << 24 | (sum[1] + n / 2) / n << 16 | (sum[2] + n / 2) / n << 8 | (sum[3] + n / 2) / n;
            }
        }
    }

    private static int clamp(int i, int len) {
        return i < 0 ? 0 : Math.min(i, len - 1);
    }

    private static void add(int[] sum, int p, int sign) {
        sum[0] += sign * (p >>> 24);
        sum[1] += sign * ((p >> 16) & 0xff);
        sum[2] += sign * ((p >> 8) & 0xff);
        sum[3] += sign * (p & 0xff);
    }
}
