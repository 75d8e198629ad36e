package dev.snapotter.engine.resample;

import java.awt.image.BufferedImage;

/**
 * The textbook separable Lanczos3 in double precision, written independently of the production
 * code for the tests: pixel-centre alignment, kernel stretched by 1/scale when shrinking, edges
 * extended by copying, premultiplied alpha, no rounding until the end. Slow and simple.
 */
final class ReferenceLanczos {

    private ReferenceLanczos() {
    }

    static BufferedImage resize(BufferedImage src, int dw, int dh) {
        int sw = src.getWidth();
        int sh = src.getHeight();
        boolean alpha = src.getColorModel().hasAlpha();
        double[][] px = new double[4][sw * sh];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int p = src.getRGB(x, y);
                double a = alpha ? (p >>> 24) / 255.0 : 1;
                px[3][y * sw + x] = a * 255;
                for (int c = 0; c < 3; c++) px[c][y * sw + x] = ((p >> (16 - 8 * c)) & 0xff) * a;
            }
        }
        double[][] tmp = new double[4][sw * dh];
        for (int c = 0; c < 4; c++) {
            for (int x = 0; x < sw; x++) filter(px[c], x, sw, sh, tmp[c], x, sw, dh);
        }
        double[][] out = new double[4][dw * dh];
        for (int c = 0; c < 4; c++) {
            for (int y = 0; y < dh; y++) filter(tmp[c], y * sw, 1, sw, out[c], y * dw, 1, dw);
        }
        BufferedImage dst = new BufferedImage(dw, dh, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < dw * dh; i++) {
            double a = Math.max(0, Math.min(255, out[3][i]));
            int argb = (int) Math.round(a) << 24;
            for (int c = 0; c < 3; c++) {
                double v = alpha ? (a == 0 ? 0 : out[c][i] / (a / 255)) : out[c][i];
                argb |= (int) Math.round(Math.max(0, Math.min(255, v))) << (16 - 8 * c);
            }
            dst.setRGB(i % dw, i / dw, alpha ? argb : argb | 0xff000000);
        }
        return dst;
    }

    /** One line: n source samples at off + i*step into m destination samples at doff + j*dstep. */
    private static void filter(double[] s, int off, int step, int n, double[] d, int doff, int dstep, int m) {
        double scale = (double) m / n;
        double stretch = Math.max(1, 1 / scale);
        for (int j = 0; j < m; j++) {
            double centre = (j + 0.5) / scale - 0.5;
            double sum = 0;
            double wsum = 0;
            for (int i = (int) Math.floor(centre - 3 * stretch); i <= (int) Math.ceil(centre + 3 * stretch); i++) {
                double t = (i - centre) / stretch;
                double w = Math.abs(t) < 1e-12 ? 1 : Math.abs(t) >= 3 ? 0 : 3 * Math.sin(Math.PI * t) * Math.sin(Math.PI * t / 3) / (Math.PI * Math.PI * t * t);
                sum += w * s[off + Math.max(0, Math.min(n - 1, i)) * step];
                wsum += w;
            }
            d[doff + j * dstep] = sum / wsum;
        }
    }
}
