package dev.snapotter.desktop.output;

/** Where results go. */
public enum OutputMode {
    /** A sub-folder next to each original (the default: nothing lands far from its source). */
    BESIDE_ORIGINALS,
    /** One chosen folder for everything. */
    FOLDER
}
