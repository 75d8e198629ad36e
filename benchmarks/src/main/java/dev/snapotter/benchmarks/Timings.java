package dev.snapotter.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Wall-clock samples of one operation, reported as median / min / max milliseconds. */
record Timings(String name, double[] millis) {

    interface Work {
        void run() throws Exception;
    }

    static Timings measure(String name, int warmup, int runs, Work work) throws Exception {
        for (int i = 0; i < warmup; i++) work.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Timings(name, t);
    }

    double median() {
        double[] s = millis.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    double min() {
        return Arrays.stream(millis).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(millis).max().orElse(Double.NaN);
    }

    /** One line the comparison script parses: {@code name median min max}. */
    String line() {
        return String.format(Locale.ROOT, "%s %.1f %.1f %.1f", name, median(), min(), max());
    }
}
