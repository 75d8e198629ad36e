package dev.snapotter.desktop.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs tasks on the calling thread and treats that thread as the UI thread. Scheduled actions wait
 * until {@link #runScheduled()}, so tests decide when a debounce "fires". Used by ViewModel tests.
 */
public final class DirectTaskExecutor implements TaskExecutor {

    private final ErrorSink errorSink;
    private final List<Scheduled> scheduled = new ArrayList<>();
    private final UiThread ui = new UiThread() {
        @Override
        public void run(Runnable action) {
            action.run();
        }

        @Override
        public boolean isUiThread() {
            return true;
        }
    };

    public DirectTaskExecutor(ErrorSink errorSink) {
        this.errorSink = errorSink;
    }

    @Override
    public <T> TaskHandle execute(Lane lane, BackgroundTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, ui, errorSink);
        run.run();
        return run;
    }

    @Override
    public TaskHandle schedule(Duration delay, Runnable uiAction) {
        Scheduled s = new Scheduled(uiAction);
        scheduled.add(s);
        return s;
    }

    /** Runs every scheduled action that was not cancelled, as if its delay had passed. */
    public int runScheduled() {
        List<Scheduled> due = List.copyOf(scheduled);
        scheduled.clear();
        int ran = 0;
        for (Scheduled s : due) {
            if (!s.cancelled) {
                s.action.run();
                ran++;
            }
        }
        return ran;
    }

    @Override
    public UiThread uiThread() {
        return ui;
    }

    @Override
    public void close() {
        scheduled.clear();
    }

    private static final class Scheduled implements TaskHandle {
        private final Runnable action;
        private boolean cancelled;

        Scheduled(Runnable action) {
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
