package dev.snapotter.engine.batch;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The pixel memory the running files of a batch may hold together. A file waits until its
 * estimate fits; a single file larger than the whole budget takes all of it (the decoder's own
 * check refuses it if it truly cannot fit). Counted in KiB so the int permits cover terabytes.
 */
final class MemoryBudget {

    private final int totalKib;
    private final Semaphore permits;

    MemoryBudget(long bytes) {
        this.totalKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes >> 10));
        this.permits = new Semaphore(totalKib, true);
    }

    /** Waits for room; false when the batch was cancelled meanwhile. */
    boolean acquire(long bytes, CancellationToken cancel) {
        int kib = kib(bytes);
        try {
            while (!permits.tryAcquire(kib, 100, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) return false;
            }
            if (cancel.isCancelled()) {
                permits.release(kib);
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void release(long bytes) {
        permits.release(kib(bytes));
    }

    int availableKib() {
        return permits.availablePermits();
    }

    private int kib(long bytes) {
        return (int) Math.max(1, Math.min(totalKib, (bytes + 1023) >> 10));
    }
}
