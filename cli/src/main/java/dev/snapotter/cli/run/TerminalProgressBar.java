package dev.snapotter.cli.run;

import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.FileOutcome;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A single redrawn line: {@code [########------------]  4/10  40%  0:03 left  photo.jpg}.
 * Redraws at most ten times a second so a batch of tiny files does not flood the terminal.
 * Kept under 80 columns because the JVM cannot ask the terminal for its width.
 */
final class TerminalProgressBar implements ProgressView {

    static final int BAR_WIDTH = 24;
    static final int LINE_WIDTH = 79;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private final PathDisplay paths;
    private final LongSupplier clock;
    private long startNanos;
    private long lastDraw;
    private boolean drawn;
    private int total;
    private int completed;
    private String current = "";
    private int drawnLength;

    TerminalProgressBar(PrintWriter out, PrintWriter err, PathDisplay paths, LongSupplier clock) {
        this.out = out;
        this.err = err;
        this.paths = paths;
        this.clock = clock;
    }

    @Override
    public synchronized void started(int totalFiles) {
        total = totalFiles;
        startNanos = clock.getAsLong();
        draw(true);
    }

    @Override
    public synchronized void fileStarted(Path input) {
        current = input.getFileName() == null ? input.toString() : input.getFileName().toString();
        draw(false);
    }

    @Override
    public synchronized void fileFinished(FileOutcome outcome, int completedSoFar, int totalFiles) {
        completed = completedSoFar;
        total = totalFiles;
        if (outcome.status() == FileOutcome.Status.FAILED) {
            clearLine();
            err.println("FAILED " + paths.show(outcome.input()) + ": " + outcome.error());
            err.flush();
            draw(true);
        } else {
            draw(completed == total);
        }
    }

    @Override
    public synchronized void finished(BatchResult result) {
        draw(true);
        out.println();
        out.flush();
        drawnLength = 0;
    }

    private void draw(boolean force) {
        long now = clock.getAsLong();
        if (!force && drawn && now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        drawn = true;
        String line = render(now);
        int pad = Math.max(0, drawnLength - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        drawnLength = line.length();
    }

    private void clearLine() {
        if (drawnLength == 0) return;
        out.print("\r" + " ".repeat(drawnLength) + "\r");
        out.flush();
        drawnLength = 0;
    }

    String render(long now) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * completed / total);
        int percent = total == 0 ? 100 : (int) (100L * completed / total);
        StringBuilder line = new StringBuilder()
                .append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                .append(PlainProgress.counter(completed, total).replace("[", "").replace("]", ""))
                .append(String.format(Locale.ROOT, "  %3d%%  ", percent))
                .append(eta(now));
        int room = LINE_WIDTH - line.length() - 2;
        if (room > 3 && !current.isEmpty() && completed < total) {
            line.append("  ").append(current.length() <= room ? current : "…" + current.substring(current.length() - room + 1));
        }
        return line.toString();
    }

    private String eta(long now) {
        long elapsed = now - startNanos;
        if (completed == 0 || completed >= total) return clock(elapsed) + " elapsed";
        long remaining = elapsed / completed * (total - completed);
        return clock(remaining) + " left";
    }

    private static String clock(long nanos) {
        long s = nanos / 1_000_000_000L;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
