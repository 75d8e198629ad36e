package dev.snapotter.server.config;

/**
 * Work limits.
 *
 * @param maxMegapixels            largest image accepted (checked from the header before decoding)
 * @param maxBatchSize             most files in one batch request
 * @param maxPipelineSteps         most steps in one pipeline (0 = unlimited)
 * @param concurrentJobs           worker threads doing image work
 * @param maxQueuedJobs            jobs waiting for a worker before new ones get 503
 * @param processingTimeoutSeconds longest a single job may run before it is cancelled
 * @param shutdownGraceSeconds     how long SIGTERM waits for in-flight work
 */
public record LimitSettings(double maxMegapixels, int maxBatchSize, int maxPipelineSteps, int concurrentJobs,
                            int maxQueuedJobs, int processingTimeoutSeconds, int shutdownGraceSeconds) {
}
