package dev.snapotter.engine.resample;

/**
 * Filters one vertically-reduced row (samples × 64, see {@link VerticalPass}) along x and writes
 * 8-bit output. One loop per channel count keeps the per-pixel accumulators in registers.
 */
final class HorizontalPass {

    /** Input carries 6 fraction bits, weights 14: the sum is value × 2^20. */
    private static final int SHIFT = FilterWeights.SHIFT + VerticalPass.FRACTION_BITS;
    private static final int HALF = 1 << (SHIFT - 1);

    private final FilterWeights fw;
    private final int dstWidth;
    private final int channels;
    private final int alphaIndex;

    HorizontalPass(FilterWeights fw, int dstWidth, int channels, int alphaIndex) {
        this.fw = fw;
        this.dstWidth = dstWidth;
        this.channels = channels;
        this.alphaIndex = alphaIndex;
    }

    void filter(int[] in, byte[] out, int outOff) {
        switch (channels) {
            case 1 -> one(in, out, outOff);
            case 3 -> three(in, out, outOff);
            case 4 -> four(in, out, outOff);
            default -> throw new IllegalStateException("channels " + channels);
        }
    }

    private void one(int[] in, byte[] out, int o) {
        int taps = fw.taps();
        int[] w = fw.weights();
        for (int x = 0; x < dstWidth; x++) {
            int s = fw.start(x);
            int wo = x * taps;
            int a = HALF;
            for (int k = 0; k < taps; k++) a += w[wo + k] * in[s + k];
            out[o + x] = clamp(a >> SHIFT);
        }
    }

    private void three(int[] in, byte[] out, int o) {
        int taps = fw.taps();
        int[] w = fw.weights();
        for (int x = 0; x < dstWidth; x++) {
            int p = fw.start(x) * 3;
            int wo = x * taps;
            int a0 = HALF;
            int a1 = HALF;
            int a2 = HALF;
            for (int k = 0; k < taps; k++, p += 3) {
                int wk = w[wo + k];
                a0 += wk * in[p];
                a1 += wk * in[p + 1];
                a2 += wk * in[p + 2];
            }
            int q = o + x * 3;
            out[q] = clamp(a0 >> SHIFT);
            out[q + 1] = clamp(a1 >> SHIFT);
            out[q + 2] = clamp(a2 >> SHIFT);
        }
    }

    /** Premultiplied: keeps 6 fraction bits until the division by alpha. */
    private void four(int[] in, byte[] out, int o) {
        int taps = fw.taps();
        int[] w = fw.weights();
        int[] acc = new int[4];
        for (int x = 0; x < dstWidth; x++) {
            int p = fw.start(x) * 4;
            int wo = x * taps;
            int a0 = 0;
            int a1 = 0;
            int a2 = 0;
            int a3 = 0;
            for (int k = 0; k < taps; k++, p += 4) {
                int wk = w[wo + k];
                a0 += wk * in[p];
                a1 += wk * in[p + 1];
                a2 += wk * in[p + 2];
                a3 += wk * in[p + 3];
            }
            acc[0] = a0;
            acc[1] = a1;
            acc[2] = a2;
            acc[3] = a3;
            unpremultiply(acc, out, o + x * 4);
        }
    }

    private void unpremultiply(int[] acc, byte[] out, int q) {
        int half = 1 << (FilterWeights.SHIFT - 1);
        int alpha64 = Math.max(0, Math.min(255 << 6, (acc[alphaIndex] + half) >> FilterWeights.SHIFT));
        for (int c = 0; c < 4; c++) {
            if (c == alphaIndex) {
                out[q + c] = (byte) ((alpha64 + 32) >> 6);
            } else if (alpha64 == 0) {
                out[q + c] = 0;
            } else {
                long pm64 = Math.max(0, (acc[c] + half) >> FilterWeights.SHIFT);
                out[q + c] = clamp((int) ((pm64 * 255 + alpha64 / 2) / alpha64));
            }
        }
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
