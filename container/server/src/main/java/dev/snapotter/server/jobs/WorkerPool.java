package dev.snapotter.server.jobs;

import dev.snapotter.server.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The only place image work runs: CONCURRENT_JOBS platform threads and a bounded queue of
 * MAX_QUEUED_JOBS. When both are full the caller gets 503 + Retry-After at once instead of a request
 * that waits without bound (and holds its upload on disk) while memory fills up.
 */
public final class WorkerPool {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    private final ThreadPoolExecutor executor;
    private final int workers;
    private final int capacity;

    public WorkerPool(int workers, int queueCapacity) {
        this.workers = workers;
        this.capacity = queueCapacity;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
                r -> {
                    Thread t = new Thread(r, "image-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Queues work or throws 503 (busy, or shutting down). */
    public <T> Future<T> submit(Callable<T> work) {
        try {
            return executor.submit(work);
        } catch (RejectedExecutionException e) {
            if (executor.isShutdown()) {
                throw new ApiError(503, "SHUTTING_DOWN", "The server is shutting down", null).withHeader("Retry-After", "10");
            }
            throw ApiError.busy(RETRY_AFTER_SECONDS);
        }
    }

    public int active() {
        return executor.getActiveCount();
    }

    public int pending() {
        return executor.getQueue().size();
    }

    public int workers() {
        return workers;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Stops taking work, lets running and queued jobs finish within {@code grace}, then interrupts
     * whatever is left (tools check for interruption between rows). Returns true if all finished.
     */
    public boolean shutdown(Duration grace) throws InterruptedException {
        executor.shutdown();
        if (executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) return true;
        LOG.warn("{} job(s) still running after {} s; cancelling them", executor.getActiveCount() + executor.getQueue().size(), grace.toSeconds());
        executor.shutdownNow();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) LOG.warn("Some jobs ignored cancellation");
        return false;
    }
}
