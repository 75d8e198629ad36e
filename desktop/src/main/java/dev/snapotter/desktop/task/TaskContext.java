package dev.snapotter.desktop.task;

import java.util.concurrent.CancellationException;

/** What running work may ask: whether it was cancelled (long loops check between files or rows). */
public interface TaskContext {

    boolean isCancelled();

    default void checkCancelled() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) throw new CancellationException("cancelled");
    }
}
