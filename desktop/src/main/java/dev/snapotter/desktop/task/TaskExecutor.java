package dev.snapotter.desktop.task;

import java.time.Duration;

/**
 * The one way the desktop runs work off the UI thread. The app uses {@link LaneTaskExecutor}
 * (named daemon threads per {@link Lane}); ViewModel tests use a same-thread implementation.
 */
public interface TaskExecutor extends AutoCloseable {

    <T> TaskHandle execute(Lane lane, BackgroundTask<T> task);

    /** Runs {@code uiAction} on the UI thread after {@code delay}, unless cancelled first (debouncing). */
    TaskHandle schedule(Duration delay, Runnable uiAction);

    /** The UI thread callbacks run on. */
    UiThread uiThread();

    @Override
    void close();
}
