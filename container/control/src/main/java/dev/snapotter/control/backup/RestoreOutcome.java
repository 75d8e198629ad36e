package dev.snapotter.control.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Exactly what a restore did: the result, every step with its status and detail, and where the safety backup is.
 *
 * @param message one sentence for the person who asked, e.g. why it was refused or what the rollback did
 */
public record RestoreOutcome(Result result, List<StepRecord> steps, Optional<Path> safetyBackup, String message) {

    public RestoreOutcome {
        steps = List.copyOf(steps);
    }

    public enum Result {
        /** The archive's data is live and the server is healthy. */
        RESTORED,
        /** Refused before anything was stopped or changed (bad archive, wrong passphrase, newer schema …). */
        REFUSED,
        /** A step after the stop failed; the previous data is back and the server is healthy on it. */
        ROLLED_BACK,
        /** A step failed AND putting the previous data back failed: the safety backup is the way back. */
        ROLLBACK_FAILED
    }

    public enum Status { OK, FAILED, SKIPPED }

    public record StepRecord(RestoreStep step, Status status, String detail, Duration took) {
        @Override
        public String toString() {
            return step.title() + ": " + status + (detail.isEmpty() ? "" : " — " + detail)
                    + " (" + took.toMillis() + " ms)";
        }
    }

    public boolean dataChanged() {
        return result == Result.RESTORED;
    }

    public Optional<StepRecord> failedStep() {
        return steps.stream().filter(s -> s.status() == Status.FAILED).findFirst();
    }

    /** A multi-line report: the message, then one line per step. */
    public String report() {
        StringBuilder b = new StringBuilder(result + ": " + message);
        for (StepRecord s : steps) b.append("\n  ").append(s);
        safetyBackup.ifPresent(p -> b.append("\n  Safety backup: ").append(p));
        return b.toString();
    }
}
