package dev.snapotter.engine.batch;

import java.util.concurrent.atomic.AtomicBoolean;

/** Shared flag a UI or HTTP client flips to stop a batch; running files stop at their next check. */
public final class CancellationToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
