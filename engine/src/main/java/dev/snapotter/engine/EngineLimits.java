package dev.snapotter.engine;

/**
 * Hard limits applied before any pixel work.
 *
 * @param maxMegapixels     largest accepted width × height, in millions of pixels, checked from the header
 * @param maxPipelineSteps  most steps in one pipeline (0 = unlimited)
 * @param memoryBudgetBytes pixel memory one job may hold at once (decoded rasters plus working copies)
 */
public record EngineLimits(double maxMegapixels, int maxPipelineSteps, long memoryBudgetBytes) {

    public static final double DEFAULT_MAX_MEGAPIXELS = 100;
    public static final int DEFAULT_MAX_PIPELINE_STEPS = 20;

    public EngineLimits {
        if (maxMegapixels <= 0) throw new IllegalArgumentException("maxMegapixels must be > 0");
        if (maxPipelineSteps < 0) throw new IllegalArgumentException("maxPipelineSteps must be >= 0");
        if (memoryBudgetBytes <= 0) throw new IllegalArgumentException("memoryBudgetBytes must be > 0");
    }

    /** Defaults sized from the JVM's max heap: a job may use at most a third of it. */
    public static EngineLimits defaults() {
        return new EngineLimits(DEFAULT_MAX_MEGAPIXELS, DEFAULT_MAX_PIPELINE_STEPS,
                Runtime.getRuntime().maxMemory() / 3);
    }

    public long maxPixels() {
        return (long) (maxMegapixels * 1_000_000L);
    }
}
