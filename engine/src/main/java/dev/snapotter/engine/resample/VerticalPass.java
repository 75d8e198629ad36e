package dev.snapotter.engine.resample;

import java.util.function.IntConsumer;

/**
 * Filters along y for a band of output rows and hands each finished row (source width,
 * samples × 64) to a consumer, which runs the horizontal pass on it. The whole image is never
 * held at intermediate precision: only a few rows per thread.
 *
 * <p>The inner loops are plain {@code int} multiply-adds over contiguous arrays, which C2
 * compiles to packed SIMD (AVX2/AVX-512), unlike a widening {@code byte & 0xff} multiply
 * (see docs/adr/0003-resampling.md).
 *
 * <p>Shrinking streams the source: each source row is widened once and added into every
 * output row whose window it falls in (only about 7 accumulators are open at a time, whatever
 * the ratio). Enlarging keeps a ring of the {@code taps} source rows the current output row needs.
 */
final class VerticalPass {

    static final int FRACTION_BITS = 6;

    private final FilterWeights fw;
    private final SourceRows source;
    private final int rowLength;
    private final int shift;
    private final int slots;
    private final boolean shrinking;

    VerticalPass(FilterWeights fw, SourceRows source, int rowLength, int sampleBits, boolean shrinking) {
        this.fw = fw;
        this.source = source;
        this.rowLength = rowLength;
        this.shift = FilterWeights.SHIFT + sampleBits - FRACTION_BITS;
        this.shrinking = shrinking;
        this.slots = shrinking ? openWindows(fw) : fw.taps();
    }

    int rowLength() {
        return rowLength;
    }

    /** Rows of scratch one band needs: open accumulators, or the ring of source rows. */
    int scratchRows() {
        return slots;
    }

    /**
     * Runs output rows [y0, y1); for each finished row calls {@code emit} after filling
     * {@code out} (length ≥ rowLength) with the intermediate samples. {@code rows} holds
     * {@link #scratchRows()} arrays and {@code single} one more, each ≥ rowLength. Every row is
     * its own array indexed from 0: C2 only vectorises {@code acc[i] += w * row[i]} when the two
     * accesses use the same index, since it cannot prove two offsets into one array never overlap.
     */
    void run(int y0, int y1, int[][] rows, int[] single, int[] out, IntConsumer emit) {
        if (shrinking) scatter(y0, y1, rows, single, out, emit);
        else gather(y0, y1, rows, single, out, emit);
    }

    private void scatter(int y0, int y1, int[][] acc, int[] row, int[] out, IntConsumer emit) {
        int taps = fw.taps();
        int lo = y0;
        int hi = y0;
        int last = fw.start(y1 - 1) + taps - 1;
        for (int r = fw.start(y0); r <= last; r++) {
            while (hi < y1 && fw.start(hi) <= r) {
                java.util.Arrays.fill(acc[slot(hi)], 0, rowLength, 0);
                hi++;
            }
            source.read(r, row, 0);
            for (int y = lo; y < hi; y++) {
                int w = fw.weight(y, r - fw.start(y));
                if (w != 0) mac(acc[slot(y)], row, w, rowLength);
            }
            while (lo < hi && fw.start(lo) + taps - 1 == r) {
                narrow(acc[slot(lo)], out, rowLength, shift);
                emit.accept(lo);
                lo++;
            }
        }
    }

    private void gather(int y0, int y1, int[][] ring, int[] acc, int[] out, IntConsumer emit) {
        int taps = fw.taps();
        int loaded = -1;
        for (int y = y0; y < y1; y++) {
            int start = fw.start(y);
            for (int r = Math.max(loaded + 1, start); r < start + taps; r++) {
                source.read(r, ring[slot(r)], 0);
                loaded = r;
            }
            java.util.Arrays.fill(acc, 0, rowLength, 0);
            for (int k = 0; k < taps; k++) {
                int w = fw.weight(y, k);
                if (w != 0) mac(acc, ring[slot(start + k)], w, rowLength);
            }
            narrow(acc, out, rowLength, shift);
            emit.accept(y);
        }
    }

    private int slot(int y) {
        return y % slots;
    }

    static void mac(int[] acc, int[] row, int w, int n) {
        for (int i = 0; i < n; i++) acc[i] += w * row[i];
    }

    static void narrow(int[] acc, int[] out, int n, int shift) {
        int half = 1 << (shift - 1);
        for (int i = 0; i < n; i++) out[i] = (acc[i] + half) >> shift;
    }

    /** Most output windows that overlap any one source row, i.e. accumulators open at once. */
    private static int openWindows(FilterWeights fw) {
        int n = fw.size();
        int most = 1;
        int j = 0;
        for (int y = 0; y < n; y++) {
            if (j < y) j = y;
            while (j + 1 < n && fw.start(j + 1) <= fw.start(y) + fw.taps() - 1) j++;
            most = Math.max(most, j - y + 1);
        }
        return most;
    }
}
