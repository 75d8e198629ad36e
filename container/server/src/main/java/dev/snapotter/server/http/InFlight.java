package dev.snapotter.server.http;

import io.javalin.http.Context;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests being handled and refuses new ones once shutdown began, so SIGTERM can wait for
 * what is running without accepting more (503 + Connection: close on kept-alive connections).
 */
public final class InFlight {

    private static final String MARK = "snapotter.inflight";
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean draining;

    public void before(Context ctx) {
        if (draining) {
            ctx.header("Connection", "close");
            throw new ApiError(503, "SHUTTING_DOWN", "The server is shutting down", null).withHeader("Retry-After", "10");
        }
        count.incrementAndGet();
        ctx.attribute(MARK, Boolean.TRUE);
    }

    public void after(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(MARK))) {
            ctx.attribute(MARK, Boolean.FALSE);
            count.decrementAndGet();
        }
    }

    public void startDraining() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    public int count() {
        return count.get();
    }

    /** Waits until no request is in flight or the deadline passes; true when drained. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count.get() > 0) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(25);
        }
        return true;
    }
}
