package dev.snapotter.cli.run;

import dev.snapotter.cli.ExitCodes;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.FileOutcome.Status;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The last line of a run and the exit code that goes with it. */
record RunSummary(long done, long skipped, long failed, long cancelled, boolean wasCancelled, Duration elapsed) {

    static RunSummary of(BatchResult result, int scanProblems) {
        return new RunSummary(result.count(Status.DONE), result.count(Status.SKIPPED),
                result.count(Status.FAILED) + scanProblems, result.count(Status.CANCELLED), result.cancelled(), result.elapsed());
    }

    int exitCode() {
        if (wasCancelled) return ExitCodes.CANCELLED;
        return failed > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    String describe(Path outputDir) {
        StringBuilder s = new StringBuilder(wasCancelled ? "Cancelled: " : "Done: ")
                .append(done).append(" written");
        if (skipped > 0) s.append(", ").append(skipped).append(" skipped");
        if (failed > 0) s.append(", ").append(failed).append(" failed");
        if (cancelled > 0) s.append(", ").append(cancelled).append(" not processed");
        s.append(" in ").append(seconds(elapsed)).append(" -> ").append(outputDir);
        if (wasCancelled) s.append(" (no partial files were left)");
        return s.toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
