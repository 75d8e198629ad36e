package dev.snapotter.desktop.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Named executors, one per {@link Lane}, plus one timer thread for debouncing. Every failure reaches
 * either the task's own handler or the {@link ErrorSink}, and is logged with its stack trace either
 * way (Cryptomator's {@code CatchingExecutors} lesson: exceptions in executors vanish unless caught).
 */
public final class LaneTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(LaneTaskExecutor.class);

    private final UiThread ui;
    private final ErrorSink errorSink;
    private final Map<Lane, ExecutorService> lanes = new EnumMap<>(Lane.class);
    private final ScheduledExecutorService timer;

    public LaneTaskExecutor(UiThread ui, ErrorSink errorSink) {
        this.ui = ui;
        this.errorSink = errorSink;
        for (Lane lane : Lane.values()) {
            lanes.put(lane, new ThreadPoolExecutor(lane.threads(), lane.threads(), 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), new NamedThreadFactory(lane.threadName())));
        }
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("snapotter-timer"));
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
    }

    @Override
    public <T> TaskHandle execute(Lane lane, BackgroundTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, ui, errorSink);
        lanes.get(lane).execute(run);
        return run;
    }

    @Override
    public TaskHandle schedule(Duration delay, Runnable uiAction) {
        ScheduledFuture<?> f = timer.schedule(() -> ui.run(() -> guarded("scheduled action", uiAction)),
                delay.toNanos(), TimeUnit.NANOSECONDS);
        return new TaskHandle() {
            @Override
            public void cancel() {
                f.cancel(false);
            }

            @Override
            public boolean isCancelled() {
                return f.isCancelled();
            }
        };
    }

    private void guarded(String name, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            errorSink.report(name, e);
        }
    }

    @Override
    public UiThread uiThread() {
        return ui;
    }

    /** Stops accepting work, interrupts what runs and waits briefly so files are not left half-written. */
    @Override
    public void close() {
        timer.shutdownNow();
        lanes.values().forEach(ExecutorService::shutdownNow);
        for (ExecutorService e : lanes.values()) {
            try {
                if (!e.awaitTermination(5, TimeUnit.SECONDS)) LOG.warn("A background lane did not stop within 5 s");
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
