package dev.snapotter.control.monitor;

import java.time.Instant;

/**
 * One point of the CPU/memory charts.
 *
 * @param memoryBytes used memory without the page cache (what the docker CLI shows)
 * @param memoryLimit the container's limit
 */
public record StatsSample(Instant at, double cpuPercent, long memoryBytes, long memoryLimit, long pids) {
}
