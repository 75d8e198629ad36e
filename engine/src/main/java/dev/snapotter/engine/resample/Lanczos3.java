package dev.snapotter.engine.resample;

/** The Lanczos kernel with three lobes: {@code sinc(x) * sinc(x / 3)} on {@code |x| < 3}. */
final class Lanczos3 {

    static final double RADIUS = 3.0;

    private Lanczos3() {
    }

    static double weight(double x) {
        double ax = Math.abs(x);
        if (ax < 1e-9) return 1.0;
        if (ax >= RADIUS) return 0.0;
        double px = Math.PI * x;
        return RADIUS * Math.sin(px) * Math.sin(px / RADIUS) / (px * px);
    }
}
