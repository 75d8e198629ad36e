package dev.snapotter.bundles.install;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The JDK HTTP client's request timeout ends at the response headers; a body that stops arriving would block
 * {@code read} forever. This closes the body when no byte came for {@code idle} (the read then fails and the
 * download is retried with {@code Range}), or as soon as the install is cancelled, so Cancel never waits on a
 * silent server.
 */
final class StallWatchdog implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bundle-download-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final InputStream body;
    private final long idleNanos;
    private final BooleanSupplier cancelled;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean fired;
    private final ScheduledFuture<?> check;

    private StallWatchdog(InputStream body, Duration idle, BooleanSupplier cancelled) {
        this.body = body;
        this.idleNanos = idle.toNanos();
        this.cancelled = cancelled;
        long period = Math.clamp(idle.toMillis() / 4, 50, 1000);
        this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    static StallWatchdog watch(InputStream body, Duration idle, BooleanSupplier cancelled) {
        return new StallWatchdog(body, idle, cancelled);
    }

    void progress() {
        lastProgress = System.nanoTime();
    }

    /** True when the watchdog closed the body because nothing arrived in time. */
    boolean fired() {
        return fired;
    }

    private void check() {
        boolean stalled = System.nanoTime() - lastProgress > idleNanos;
        if (stalled || cancelled.getAsBoolean()) {
            fired = stalled;
            check.cancel(false);
            try {
                body.close();
            } catch (IOException ignored) {
                // closing is the point; the blocked read reports the failure
            }
        }
    }

    @Override
    public void close() {
        check.cancel(false);
    }
}
