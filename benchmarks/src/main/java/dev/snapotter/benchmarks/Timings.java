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

    /**
     * Runs {@code a} and {@code b} alternately (a, b, a, b, ...) so both see the same machine
     * conditions, which matters on a shared box; returns both series and the median of the
     * per-round ratios b / a.
     */
    static Timings[] paired(String nameA, Work a, String nameB, Work b, int warmup, int runs) throws Exception {
        for (int i = 0; i < warmup; i++) {
            a.run();
            b.run();
        }
        double[] ta = new double[runs];
        double[] tb = new double[runs];
        double[] ratio = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            a.run();
            long mid = System.nanoTime();
            b.run();
            long end = System.nanoTime();
            ta[i] = (mid - start) / 1e6;
            tb[i] = (end - mid) / 1e6;
            ratio[i] = tb[i] / ta[i];
        }
        return new Timings[]{new Timings(nameA, ta), new Timings(nameB, tb), new Timings(nameB + "_per_" + nameA, ratio)};
    }

    /**
     * Runs every work item in turn, round after round (a, b, c, a, b, c, ...), so all see the same machine
     * conditions; returns each series and, for every item after the first, the per-round ratios to the first.
     */
    static java.util.List<Timings> interleaved(String[] names, Work[] work, int warmup, int runs) throws Exception {
        for (int i = 0; i < warmup; i++) for (Work w : work) w.run();
        double[][] t = new double[work.length][runs];
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < work.length; k++) {
                long start = System.nanoTime();
                work[k].run();
                t[k][r] = (System.nanoTime() - start) / 1e6;
            }
        }
        java.util.List<Timings> out = new java.util.ArrayList<>();
        for (int k = 0; k < work.length; k++) out.add(new Timings(names[k], t[k]));
        for (int k = 1; k < work.length; k++) {
            double[] ratio = new double[runs];
            for (int r = 0; r < runs; r++) ratio[r] = t[k][r] / t[0][r];
            out.add(new Timings(names[k] + "_per_" + names[0], ratio));
        }
        return out;
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
        String f = name.contains("_per_") ? "%s %.3f %.3f %.3f" : "%s %.1f %.1f %.1f";
        return String.format(Locale.ROOT, f, name, median(), min(), max());
    }
}
