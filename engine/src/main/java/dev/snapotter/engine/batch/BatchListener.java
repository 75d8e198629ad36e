package dev.snapotter.engine.batch;

/**
 * Progress events of a batch. Called from worker threads; implementations hop to their own
 * thread (FX thread, SSE writer) themselves. Must not throw.
 */
public interface BatchListener {

    BatchListener NONE = new BatchListener() {
    };

    /** Before the first file starts. */
    default void started(int totalFiles) {
    }

    /** A file began processing. */
    default void fileStarted(java.nio.file.Path input) {
    }

    /** A file finished, whatever the outcome; {@code completed} counts all finished files so far. */
    default void fileFinished(FileOutcome outcome, int completed, int total) {
    }

    /** After the last file, or after cancellation took effect. */
    default void finished(BatchResult result) {
    }
}
