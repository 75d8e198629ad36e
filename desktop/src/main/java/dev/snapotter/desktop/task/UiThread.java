package dev.snapotter.desktop.task;

/** Where task callbacks run: the FX application thread in the app, the calling thread in unit tests. */
public interface UiThread {

    void run(Runnable action);

    /** Runs now when already on the UI thread, otherwise later. */
    default void runNowOrLater(Runnable action) {
        if (isUiThread()) action.run(); else run(action);
    }

    boolean isUiThread();
}
