package dev.snapotter.desktop.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * One execution of a {@link BackgroundTask}: runs the work, then hops to the UI thread with exactly
 * one of success / failure / cancelled, followed by finally. Shared by every {@link TaskExecutor}.
 */
final class TaskRun<T> implements Runnable, TaskHandle, TaskContext {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRun.class);

    private final BackgroundTask<T> task;
    private final UiThread ui;
    private final ErrorSink errorSink;
    private volatile boolean cancelled;
    /** The thread running the work, so cancel can interrupt blocking I/O; queued runs just see the flag. */
    private volatile Thread runner;

    TaskRun(BackgroundTask<T> task, UiThread ui, ErrorSink errorSink) {
        this.task = task;
        this.ui = ui;
        this.errorSink = errorSink;
    }

    @Override
    public void run() {
        if (cancelled) {
            finish(task.cancelledHandler());
            return;
        }
        synchronized (this) {
            runner = Thread.currentThread();
        }
        try {
            T result = task.work().run(this);
            if (cancelled) finish(task.cancelledHandler());
            else finish(() -> task.successHandler().accept(result));
        } catch (CancellationException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            LOG.debug("Task '{}' cancelled", task.name());
            finish(task.cancelledHandler());
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vme && !(t instanceof OutOfMemoryError)) throw vme;
            if (cancelled) {
                // A cancelled task often fails on its interrupted I/O; that failure is expected, not news.
                LOG.debug("Task '{}' failed after cancellation", task.name(), t);
                finish(task.cancelledHandler());
                return;
            }
            Consumer<Throwable> handler = task.failureHandler();
            if (handler == null) {
                finish(() -> errorSink.report(task.name(), t));
            } else {
                LOG.warn("Task '{}' failed: {}", task.name(), t.toString(), t);
                finish(() -> handler.accept(t));
            }
        } finally {
            synchronized (this) {
                runner = null;
                Thread.interrupted(); // a late cancel must not leak its interrupt into the pool's next task
            }
        }
    }

    private void finish(Runnable outcome) {
        ui.run(() -> {
            try {
                outcome.run();
            } catch (RuntimeException e) {
                errorSink.report(task.name() + " (callback)", e);
            } finally {
                try {
                    task.finallyHandler().run();
                } catch (RuntimeException e) {
                    errorSink.report(task.name() + " (finally)", e);
                }
            }
        });
    }

    @Override
    public synchronized void cancel() {
        cancelled = true;
        if (runner != null) runner.interrupt();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
