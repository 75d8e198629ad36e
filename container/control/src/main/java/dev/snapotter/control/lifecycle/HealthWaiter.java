package dev.snapotter.control.lifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Waits for "healthy" with a no-progress watchdog (after Testcontainers' pull watchdog): it gives up only when
 * nothing observable changed for {@code stallTimeout} — a slow first start that keeps probing is fine, a hung one
 * is not. It fails at once when the container is unhealthy, stopped, crash-looping or OOM-killed.
 */
public final class HealthWaiter {

    /** Sleeps; replaced in tests so the watchdog can be exercised without real time passing. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Duration stallTimeout;
    private final Duration pollInterval;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    public HealthWaiter(Duration stallTimeout, Duration pollInterval) {
        this(stallTimeout, pollInterval, System::nanoTime, d -> Thread.sleep(d));
    }

    public HealthWaiter(Duration stallTimeout, Duration pollInterval, LongSupplier nanoClock, Sleeper sleeper) {
        this.stallTimeout = Objects.requireNonNull(stallTimeout);
        this.pollInterval = Objects.requireNonNull(pollInterval);
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /**
     * @param inspect  returns the current snapshot (one inspect per call)
     * @param progress sees every snapshot whose progress key changed (progress view, logs)
     */
    public HealthSnapshot await(Supplier<HealthSnapshot> inspect, Consumer<HealthSnapshot> progress) {
        String lastKey = null;
        long lastChange = nanoClock.getAsLong();
        int initialRestarts = -1;
        while (true) {
            HealthSnapshot now = inspect.get();
            if (initialRestarts < 0) initialRestarts = now.restartCount();
            if (!now.progressKey().equals(lastKey)) {
                lastKey = now.progressKey();
                lastChange = nanoClock.getAsLong();
                progress.accept(now);
            }
            if (now.healthy()) return now;
            failIfDead(now, initialRestarts);
            if (nanoClock.getAsLong() - lastChange > stallTimeout.toNanos()) {
                throw new HealthCheckFailedException("No progress towards healthy for " + stallTimeout.toSeconds()
                        + " s", now);
            }
            try {
                sleeper.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HealthCheckFailedException("Interrupted while waiting for healthy", now);
            }
        }
    }

    private static void failIfDead(HealthSnapshot now, int initialRestarts) {
        if (now.oomKilled()) throw new HealthCheckFailedException("The container ran out of memory", now);
        if ("unhealthy".equals(now.health())) throw new HealthCheckFailedException("The container is unhealthy", now);
        if (now.restarting() || now.restartCount() > initialRestarts) {
            throw new HealthCheckFailedException("The container keeps exiting and restarting", now);
        }
        if ("none".equals(now.health()) && now.running()) {
            throw new HealthCheckFailedException("The container has no healthcheck", now);
        }
        if (!now.running() && !"created".equals(now.status())) {
            throw new HealthCheckFailedException("The container stopped", now);
        }
    }
}
