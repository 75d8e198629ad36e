package dev.snapotter.desktop.run;

import java.time.Duration;

/**
 * Time left from the average time per finished file. Silent until a couple of files are done,
 * because the first file includes warm-up (class loading, JIT) and would mislead.
 */
public final class EtaEstimator {

    private static final int MIN_SAMPLES = 2;

    private final int total;
    private final long startNanos;

    public EtaEstimator(int total, long startNanos) {
        this.total = total;
        this.startNanos = startNanos;
    }

    /** @return null while there is not enough data */
    public Duration remaining(int completed, long nowNanos) {
        if (completed < MIN_SAMPLES || completed >= total) return null;
        double perFile = (double) (nowNanos - startNanos) / completed;
        return Duration.ofNanos((long) (perFile * (total - completed)));
    }

    public static String format(Duration d) {
        if (d == null) return "";
        long s = Math.max(1, Math.round(d.toMillis() / 1000.0));
        if (s < 60) return "about " + s + " s left";
        long m = Math.round(s / 60.0);
        if (m < 60) return "about " + m + " min left";
        return "about " + (m / 60) + " h " + (m % 60) + " min left";
    }
}
