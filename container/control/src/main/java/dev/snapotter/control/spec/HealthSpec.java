package dev.snapotter.control.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The container healthcheck. Defaults are the seed's (30 s / 5 s / 60 s / 3); tests shorten the timings.
 * docker-java wants nanoseconds; the mapper converts.
 */
public record HealthSpec(List<String> test, Duration interval, Duration timeout, Duration startPeriod, int retries) {

    public static final String HEALTH_PATH = "/api/v1/health";

    public HealthSpec {
        test = List.copyOf(test);
        Objects.requireNonNull(interval);
        Objects.requireNonNull(timeout);
        Objects.requireNonNull(startPeriod);
        if (test.isEmpty() || !test.getFirst().startsWith("CMD")) {
            throw new IllegalArgumentException("Health test must start with CMD or CMD-SHELL: " + test);
        }
        if (retries < 1) throw new IllegalArgumentException("retries must be >= 1");
        // Docker rejects intervals below 1 ms; below 1 s makes no sense for an HTTP probe.
        for (Duration d : List.of(interval, timeout)) {
            if (d.compareTo(Duration.ofSeconds(1)) < 0) throw new IllegalArgumentException("interval/timeout >= 1s");
        }
    }

    /** The seed's probe: {@code curl -sf --max-time 5 http://localhost:<port>/api/v1/health}, 30s/5s/60s/3. */
    public static HealthSpec seed(int containerPort) {
        return new HealthSpec(probe(containerPort), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(60), 3);
    }

    static List<String> probe(int containerPort) {
        return List.of("CMD", "curl", "-sf", "--max-time", "5", "http://localhost:" + containerPort + HEALTH_PATH);
    }

    public HealthSpec withTimings(Duration newInterval, Duration newTimeout, Duration newStartPeriod, int newRetries) {
        return new HealthSpec(test, newInterval, newTimeout, newStartPeriod, newRetries);
    }
}
