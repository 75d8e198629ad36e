package dev.snapotter.engine.tools;

/**
 * The per-pixel part of {@code adjust-colors}: tone curves (brightness, contrast, exposure) as a
 * lookup table and the colour changes (saturation, hue, temperature/tint, channel gains) as one
 * 3×3 matrix, so a 24 MP photo is one pass of table look-ups and nine multiply-adds per pixel.
 */
final class ColorTransform {

    /** Rec. 601 luma, the weights sharp/libvips use for their grayscale conversion of sRGB. */
    static final double LR = 0.299;
    static final double LG = 0.587;
    static final double LB = 0.114;

    private ColorTransform() {
    }

    /**
     * @param brightness −100..100: scales values (−100 = black, 100 = twice as bright)
     * @param contrast   −100..100: scales the distance from mid-grey
     * @param exposure   −100..100: gamma 1..3 brightening (positive) or darkening (negative) the mid-tones
     */
    static int[] toneCurve(double brightness, double contrast, double exposure) {
        int[] lut = new int[256];
        double b = 1 + brightness / 100;
        double c = 1 + contrast / 100;
        double gamma = 1 + Math.abs(exposure) / 100 * 2;
        for (int v = 0; v < 256; v++) {
            double x = v * b;
            x = (x - 128) * c + 128;
            x = Math.max(0, Math.min(255, x));
            if (exposure > 0) x = 255 * Math.pow(x / 255, 1 / gamma);
            else if (exposure < 0) x = 255 * Math.pow(x / 255, gamma);
            lut[v] = (int) Math.round(Math.max(0, Math.min(255, x)));
        }
        return lut;
    }

    /** Saturation (−100 = gray), then hue rotation in degrees about the gray axis, luma kept. */
    static double[] saturationHue(double saturation, double hueDegrees) {
        double s = 1 + saturation / 100;
        double[] sat = {
                LR + (1 - LR) * s, LG - LG * s, LB - LB * s,
                LR - LR * s, LG + (1 - LG) * s, LB - LB * s,
                LR - LR * s, LG - LG * s, LB + (1 - LB) * s};
        return multiply(hue(hueDegrees), sat);
    }

    /** The hue-rotation matrix of SVG/CSS {@code hueRotate} (Rec. 709 weights); grays stay gray. */
    static double[] hue(double degrees) {
        double a = Math.toRadians(degrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        return new double[]{
                0.213 + cos * 0.787 - sin * 0.213, 0.715 - cos * 0.715 - sin * 0.715, 0.072 - cos * 0.072 + sin * 0.928,
                0.213 - cos * 0.213 + sin * 0.143, 0.715 + cos * 0.285 + sin * 0.140, 0.072 - cos * 0.072 - sin * 0.283,
                0.213 - cos * 0.213 - sin * 0.787, 0.715 - cos * 0.715 + sin * 0.715, 0.072 + cos * 0.928 + sin * 0.072};
    }

    /** SnapOtter's temperature (blue↔orange) and tint (green↔magenta) diagonal. */
    static double[] temperatureTint(double temperature, double tint) {
        double t = temperature / 100;
        double n = tint / 100;
        return diagonal(1 + t * 0.15 + n * 0.1, 1 + t * 0.05 - n * 0.15, 1 - t * 0.15 + n * 0.1);
    }

    static double[] diagonal(double r, double g, double b) {
        return new double[]{r, 0, 0, 0, g, 0, 0, 0, b};
    }

    static double[] grayscale() {
        return new double[]{LR, LG, LB, LR, LG, LB, LR, LG, LB};
    }

    /** The classic sepia tone matrix (also sharp's documented recomb example). */
    static double[] sepia() {
        return new double[]{0.393, 0.769, 0.189, 0.349, 0.686, 0.168, 0.272, 0.534, 0.131};
    }

    static double[] identity() {
        return diagonal(1, 1, 1);
    }

    /** {@code a × b}: applying the result equals applying b first, then a. */
    static double[] multiply(double[] a, double[] b) {
        double[] m = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r * 3 + c] = a[r * 3] * b[c] + a[r * 3 + 1] * b[3 + c] + a[r * 3 + 2] * b[6 + c];
            }
        }
        return m;
    }

    /** Applies {@code lut} per channel then the matrix (in 1/4096 fixed point), alpha kept, in place. */
    static void apply(int[] px, int from, int to, int[] lut, double[] m, boolean invert) {
        int[] f = new int[9];
        for (int i = 0; i < 9; i++) f[i] = (int) Math.round(m[i] * 4096);
        for (int i = from; i < to; i++) {
            int p = px[i];
            int r = lut[(p >> 16) & 0xff];
            int g = lut[(p >> 8) & 0xff];
            int b = lut[p & 0xff];
            int nr = clamp((f[0] * r + f[1] * g + f[2] * b + 2048) >> 12);
            int ng = clamp((f[3] * r + f[4] * g + f[5] * b + 2048) >> 12);
            int nb = clamp((f[6] * r + f[7] * g + f[8] * b + 2048) >> 12);
            if (invert) {
                nr = 255 - nr;
                ng = 255 - ng;
                nb = 255 - nb;
            }
            px[i] = (p & 0xff000000) | nr << 16 | ng << 8 | nb;
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
