package dev.snapotter.engine.codec;

/**
 * How much heap a job on an image of a given size is expected to hold at once: the decoded
 * raster plus one working copy (a tool's output), at 4 bytes per pixel. Used for the per-job
 * memory budget check before decoding and for the batch runner's memory semaphore.
 */
public final class MemoryEstimate {

    public static final int BYTES_PER_PIXEL = 4;
    public static final int RASTERS_PER_JOB = 2;

    private MemoryEstimate() {
    }

    public static long forJob(long width, long height) {
        return width * height * BYTES_PER_PIXEL * RASTERS_PER_JOB;
    }

    public static long forJob(ImageHeader header) {
        return forJob(header.width(), header.height());
    }
}
