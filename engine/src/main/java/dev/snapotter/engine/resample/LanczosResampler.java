package dev.snapotter.engine.resample;

import java.awt.image.BufferedImage;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * High-quality separable Lanczos3 resize of 8-bit images (gray, RGB, RGBA with premultiplied
 * alpha). Matches libvips' Lanczos3 to well above 50 dB PSNR; see docs/adr/0003-resampling.md.
 *
 * <p>Output rows are split into bands that run in parallel on the common fork-join pool (the
 * calling thread works too). Each band does the vertical pass into a few rows of scratch and
 * the horizontal pass straight into the destination. The source image is only read.
 *
 * <p>Thread-safe and stateless apart from per-thread scratch buffers.
 */
public final class LanczosResampler {

    /** Below this many output pixels a single band is faster than forking. */
    private static final long PARALLEL_THRESHOLD = 64 * 1024;
    /** Rows between cancellation checks. */
    private static final int CHECK_EVERY = 16;

    private final int parallelism;

    /** @param parallelism most bands run at once; 1 = on the calling thread only */
    public LanczosResampler(int parallelism) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be ≥ 1");
        this.parallelism = parallelism;
    }

    /** Uses every core the common pool offers plus the caller. */
    public static LanczosResampler forAllCores() {
        return new LanczosResampler(ForkJoinPool.getCommonPoolParallelism() + 1);
    }

    /**
     * Returns a new {@code width} × {@code height} image. The type follows the source for the
     * common ImageIO types (3BYTE_BGR, 4BYTE_ABGR, BYTE_GRAY, INT_RGB, INT_ARGB); others come
     * back as 3BYTE_BGR or 4BYTE_ABGR (8 bits per sample).
     *
     * @param checkpoint called every few rows from the working threads; throw to abandon the resize
     */
    public BufferedImage resize(BufferedImage src, int width, int height, Runnable checkpoint) {
        if (width < 1 || height < 1) throw new IllegalArgumentException("target size must be ≥ 1×1, got " + width + "×" + height);
        RowFormat format = RowFormat.of(src);
        BufferedImage dst = new BufferedImage(width, height, format.targetType());
        FilterWeights wy = FilterWeights.compute(src.getHeight(), height);
        FilterWeights wx = FilterWeights.compute(src.getWidth(), width);
        VerticalPass vertical = new VerticalPass(wy, format.reader(src), src.getWidth() * format.channels(),
                format.sampleBits(), height < src.getHeight());
        HorizontalPass horizontal = new HorizontalPass(wx, width, format.channels(), format.alphaIndex());
        TargetRows target = format.writer(dst);
        int bands = bandCount(width, height);
        Runnable check = checkpoint == null ? () -> { } : checkpoint;
        if (bands == 1) {
            band(0, height, vertical, horizontal, target, width * format.channels(), check);
        } else {
            IntStream.range(0, bands).parallel().forEach(b -> band(
                    (int) ((long) height * b / bands), (int) ((long) height * (b + 1) / bands),
                    vertical, horizontal, target, width * format.channels(), check));
        }
        return dst;
    }

    public BufferedImage resize(BufferedImage src, int width, int height) {
        return resize(src, width, height, null);
    }

    private int bandCount(int width, int height) {
        if (parallelism == 1 || (long) width * height < PARALLEL_THRESHOLD) return 1;
        // a few bands per thread evens out uneven progress; each band re-reads ~taps rows at its top
        return Math.max(1, Math.min(parallelism * 3, height / 16));
    }

    private static void band(int y0, int y1, VerticalPass vertical, HorizontalPass horizontal,
                             TargetRows target, int outRowLength, Runnable check) {
        if (y0 >= y1) return;
        ScratchBuffers scratch = ScratchBuffers.get();
        int[][] rows = scratch.rows(vertical.scratchRows(), vertical.rowLength());
        int[] single = scratch.ints(0, vertical.rowLength());
        int[] row = scratch.ints(1, vertical.rowLength());
        byte[] direct = target.directArray();
        byte[] out = direct != null ? direct : scratch.bytes(outRowLength);
        int[] done = {0};
        vertical.run(y0, y1, rows, single, row, y -> {
            horizontal.filter(row, out, direct != null ? y * outRowLength : 0);
            target.write(y, out);
            if (++done[0] % CHECK_EVERY == 0) check.run();
        });
    }
}
