package dev.snapotter.cli.run;

import dev.snapotter.engine.batch.FileOutcome;

import java.io.PrintWriter;

/** One line per finished file, for pipes, CI logs and dumb terminals. */
final class PlainProgress implements ProgressView {

    private final PrintWriter out;
    private final PrintWriter err;
    private final PathDisplay paths;

    PlainProgress(PrintWriter out, PrintWriter err, PathDisplay paths) {
        this.out = out;
        this.err = err;
        this.paths = paths;
    }

    @Override
    public synchronized void fileFinished(FileOutcome outcome, int completed, int total) {
        String counter = counter(completed, total);
        switch (outcome.status()) {
            case DONE -> out.println(counter + " done     " + paths.show(outcome.input()) + " -> " + paths.show(outcome.output()));
            case SKIPPED -> out.println(counter + " skipped  " + paths.show(outcome.input()) + skipReason(outcome));
            case CANCELLED -> out.println(counter + " cancelled " + paths.show(outcome.input()));
            case FAILED -> err.println(counter + " FAILED   " + paths.show(outcome.input()) + ": " + outcome.error());
        }
        out.flush();
        err.flush();
    }

    static String counter(int completed, int total) {
        int width = String.valueOf(total).length();
        return "[" + String.format(java.util.Locale.ROOT, "%" + width + "d", completed) + "/" + total + "]";
    }

    static String skipReason(FileOutcome outcome) {
        return outcome.error() != null ? " (" + outcome.error() + ")" : " (output exists)";
    }
}
