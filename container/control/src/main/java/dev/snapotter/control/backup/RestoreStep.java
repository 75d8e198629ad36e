package dev.snapotter.control.backup;

/** The steps of the restore procedure (ADR 0071), in order; the last two run only after a failure. */
public enum RestoreStep {
    VERIFY_ARCHIVE("Check the archive (manifest, checksums, entries, passphrase)", false),
    VERIFY_WITH_IMAGE("Check the archive with the running image (schema version)", false),
    SAFETY_BACKUP("Take a safety backup of the current data", false),
    STOP_SERVER("Stop the server", true),
    REPLACE_DATA("Replace the data (helper container, atomic swap)", true),
    START_SERVER("Start the server and wait until healthy", true),
    VERIFY_RESTORED("Verify the restored data", true),
    COMMIT("Delete the replaced data (the restore is final)", true),
    ROLLBACK("Put the previous data back", true),
    RESTART_AFTER_ROLLBACK("Start the server on the previous data", true);

    private final String title;
    private final boolean afterStop;

    RestoreStep(String title, boolean afterStop) {
        this.title = title;
        this.afterStop = afterStop;
    }

    public String title() {
        return title;
    }

    /** Whether a failure here happens after the server was stopped (and so needs a rollback). */
    public boolean afterStop() {
        return afterStop;
    }
}
