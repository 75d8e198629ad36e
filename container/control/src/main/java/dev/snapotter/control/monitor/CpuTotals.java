package dev.snapotter.control.monitor;

/**
 * Cumulative CPU counters of one stats sample. CPU% only exists between two samples: the container's share of
 * the host's CPU time in that window, scaled to CPUs (100% = one full CPU), as the docker CLI shows it.
 */
public record CpuTotals(long containerNanos, long systemNanos, int onlineCpus) {

    /** CPU% from {@code previous} to this sample; 0 when the window is empty or the counters went backwards. */
    public double percentSince(CpuTotals previous) {
        long container = containerNanos - previous.containerNanos;
        long system = systemNanos - previous.systemNanos;
        if (container <= 0 || system <= 0) return 0.0;
        return (double) container / system * Math.max(1, onlineCpus) * 100.0;
    }
}
