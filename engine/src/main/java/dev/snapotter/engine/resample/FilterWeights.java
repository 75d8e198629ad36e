package dev.snapotter.engine.resample;

/**
 * Fixed-point Lanczos3 weights for one axis: for each output position, the first source index
 * of its window and {@link #taps()} integer weights that sum to exactly {@code 1 << SHIFT}.
 *
 * <p>Pixel centres are aligned ({@code src = (dst + 0.5) / scale - 0.5}), as libvips and most
 * resamplers do. When shrinking, the kernel is stretched by {@code 1 / scale} so it low-pass
 * filters before decimating (no aliasing). Taps that fall outside the source are folded onto
 * the edge pixel, which equals extending the image by copying its border (libvips' default).
 * Every window has the same length so the passes run branch-free inner loops.
 */
final class FilterWeights {

    /** 14-bit weights: 255 × 2^14 × (sum of |w| ≈ 1.3) stays far below 2^31 in the accumulators. */
    static final int SHIFT = 14;
    static final int ONE = 1 << SHIFT;

    private final int taps;
    private final int[] starts;
    private final int[] weights;

    private FilterWeights(int taps, int[] starts, int[] weights) {
        this.taps = taps;
        this.starts = starts;
        this.weights = weights;
    }

    static FilterWeights compute(int srcSize, int dstSize) {
        if (srcSize < 1 || dstSize < 1) throw new IllegalArgumentException("sizes must be ≥ 1");
        double scale = (double) dstSize / srcSize;
        double stretch = scale < 1 ? 1 / scale : 1;
        double support = Lanczos3.RADIUS * stretch;
        int taps = Math.min(srcSize, (int) Math.ceil(2 * support) + 1);
        int[] starts = new int[dstSize];
        int[] weights = new int[dstSize * taps];
        double[] w = new double[taps];
        for (int d = 0; d < dstSize; d++) {
            double centre = (d + 0.5) / scale - 0.5;
            int first = (int) Math.floor(centre - support) + 1;
            int start = Math.max(0, Math.min(srcSize - taps, first));
            java.util.Arrays.fill(w, 0);
            for (int i = first; i <= (int) Math.floor(centre + support); i++) {
                double k = Lanczos3.weight((i - centre) / stretch);
                int clamped = Math.max(0, Math.min(srcSize - 1, i));
                w[clamped - start] += k;
            }
            starts[d] = start;
            quantise(w, weights, d * taps);
        }
        return new FilterWeights(taps, starts, weights);
    }

    /** Normalises to sum 1 and rounds to fixed point, putting the rounding error on the largest weight. */
    private static void quantise(double[] w, int[] out, int offset) {
        double sum = 0;
        for (double v : w) sum += v;
        int total = 0;
        int largest = 0;
        for (int i = 0; i < w.length; i++) {
            int q = (int) Math.round(w[i] / sum * ONE);
            out[offset + i] = q;
            total += q;
            if (Math.abs(w[i]) > Math.abs(w[largest])) largest = i;
        }
        out[offset + largest] += ONE - total;
    }

    int taps() {
        return taps;
    }

    int start(int dst) {
        return starts[dst];
    }

    int size() {
        return starts.length;
    }

    int[] weights() {
        return weights;
    }

    /** Weight of tap {@code k} for output {@code dst}. */
    int weight(int dst, int k) {
        return weights[dst * taps + k];
    }
}
