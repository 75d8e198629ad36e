package dev.snapotter.desktop.task;

/**
 * The named executors background work runs on. Separate lanes keep a long batch from delaying a
 * preview, and a folder full of thumbnails from delaying the settings file.
 */
public enum Lane {
    /** Small file work: settings, presets, folder scans, opening the file manager. */
    IO(2),
    /** Queue thumbnails, decoded small. */
    THUMBNAIL(2),
    /** Before/after preview; one at a time, stale renders are cancelled. */
    PREVIEW(1),
    /** The batch run; the engine parallelises inside it. */
    BATCH(1),
    /** Local-container control (start, stop, health waits); slow Docker calls never hold up file work. */
    SERVER(1),
    /** Long child processes (the image build in a source checkout, minutes long), so they hold up no other lane. */
    PROCESS(1);

    private final int threads;

    Lane(int threads) {
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    public String threadName() {
        return "snapotter-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
