package dev.snapotter.engine.batch;

/** What to do when an output name already exists; chosen before a run, never asked mid-run. */
public enum ConflictPolicy {
    /** Write under a new name: {@code photo.jpg} → {@code photo (1).jpg}. */
    RENAME,
    /** Replace the existing output (never an input of the same batch). */
    OVERWRITE,
    /** Leave the existing file and report the input as skipped. */
    SKIP
}
