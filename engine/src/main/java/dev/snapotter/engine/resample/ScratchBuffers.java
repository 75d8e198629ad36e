package dev.snapotter.engine.resample;

/**
 * Per-thread working arrays, grown on demand and reused across calls so a batch of resizes
 * allocates almost nothing but its output images. Arrays above {@link #KEEP_LIMIT} ints are
 * handed out but not kept, so one huge image does not pin memory in every pool thread.
 */
final class ScratchBuffers {

    /** 4 M ints = 16 MB per thread at most stays cached. */
    static final int KEEP_LIMIT = 4 << 20;

    private static final ThreadLocal<ScratchBuffers> CURRENT = ThreadLocal.withInitial(ScratchBuffers::new);

    private final int[][] ints = {new int[0], new int[0]};
    private int[][] rows = new int[0][];
    private byte[] bytes = new byte[0];

    static ScratchBuffers get() {
        return CURRENT.get();
    }

    /** {@code count} distinct rows of at least {@code n} ints each. */
    int[][] rows(int count, int n) {
        if (fits(count, n)) return rows;
        int[][] a = new int[Math.max(count, rows.length)][];
        for (int i = 0; i < a.length; i++) a[i] = i < rows.length && rows[i].length >= n ? rows[i] : new int[n];
        if ((long) a.length * n <= KEEP_LIMIT) rows = a;
        return a;
    }

    private boolean fits(int count, int n) {
        if (rows.length < count) return false;
        for (int i = 0; i < count; i++) {
            if (rows[i].length < n) return false;
        }
        return true;
    }

    /** Distinct arrays per {@code slot} (0..1), so callers can hold several at once. */
    int[] ints(int slot, int n) {
        if (ints[slot].length >= n) return ints[slot];
        int[] a = new int[n];
        if (n <= KEEP_LIMIT) ints[slot] = a;
        return a;
    }

    byte[] bytes(int n) {
        if (bytes.length >= n) return bytes;
        byte[] a = new byte[n];
        if (n <= KEEP_LIMIT) bytes = a;
        return a;
    }
}
