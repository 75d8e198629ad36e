package dev.snapotter.desktop.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A unit of background work with its UI-thread callbacks, in the fluent style of JabRef's
 * {@code BackgroundTask}. Deliberately not a {@code javafx.concurrent.Task}: ViewModels build these
 * and unit tests run them on a {@code DirectTaskExecutor} without a toolkit.
 *
 * <p>Callbacks ({@code onSuccess}, {@code onFailure}, {@code onCancelled}, {@code onFinally}) always run on
 * the UI thread. A failure without an {@code onFailure} handler goes to the executor's {@link ErrorSink}.
 */
public final class BackgroundTask<T> {

    private final String name;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> {
    };
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> {
    };
    private Runnable onFinally = () -> {
    };

    private BackgroundTask(String name, Work<T> work) {
        this.name = Objects.requireNonNull(name, "name");
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> of(String name, Work<T> work) {
        return new BackgroundTask<>(name, work);
    }

    /** Work without a result. */
    public static BackgroundTask<Void> action(String name, CheckedAction action) {
        return new BackgroundTask<>(name, ctx -> {
            action.run(ctx);
            return null;
        });
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onFinally(Runnable handler) {
        this.onFinally = Objects.requireNonNull(handler);
        return this;
    }

    public String name() {
        return name;
    }

    Work<T> work() {
        return work;
    }

    Consumer<? super T> successHandler() {
        return onSuccess;
    }

    /** Null when the task has no handler of its own. */
    Consumer<Throwable> failureHandler() {
        return onFailure;
    }

    Runnable cancelledHandler() {
        return onCancelled;
    }

    Runnable finallyHandler() {
        return onFinally;
    }

    @FunctionalInterface
    public interface CheckedAction {
        void run(TaskContext context) throws Exception;
    }
}
