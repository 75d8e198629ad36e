package dev.snapotter.engine.batch;

import java.nio.file.Path;

/**
 * The result for one input of a batch.
 *
 * @param input  the source file
 * @param output the written file, or null when none was written
 * @param status what happened
 * @param error  a human-readable reason when status is FAILED (never a stack trace)
 */
public record FileOutcome(Path input, Path output, Status status, String error) {

    public enum Status { DONE, SKIPPED, FAILED, CANCELLED }

    public static FileOutcome done(Path input, Path output) {
        return new FileOutcome(input, output, Status.DONE, null);
    }

    public static FileOutcome failed(Path input, String error) {
        return new FileOutcome(input, null, Status.FAILED, error);
    }
}
