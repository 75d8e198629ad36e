package dev.snapotter.control.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The watchdog on a fake clock: each poll advances time by the poll interval. */
class HealthWaiterTest {

    private long now;
    private final Duration poll = Duration.ofSeconds(1);

    private HealthWaiter waiter(Duration stall) {
        return new HealthWaiter(stall, poll, () -> now, d -> now += d.toNanos());
    }

    private static HealthSnapshot snap(String status, boolean running, String health, int streak, String lastProbeEnd) {
        List<ProbeResult> probes = lastProbeEnd == null ? List.of()
                : List.of(new ProbeResult("s", lastProbeEnd, streak == 0 ? 0 : 1, "probe " + lastProbeEnd));
        return new HealthSnapshot(status, running, false, false, 0, 0, health, streak, probes);
    }

    private static java.util.function.Supplier<HealthSnapshot> sequence(HealthSnapshot... snaps) {
        Deque<HealthSnapshot> queue = new ArrayDeque<>(List.of(snaps));
        return () -> queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Test
    void slowButProgressingStartReachesHealthy() {
        List<HealthSnapshot> seen = new ArrayList<>();
        HealthSnapshot result = waiter(Duration.ofSeconds(3)).await(sequence(
                snap("running", true, "starting", 0, null),
                snap("running", true, "starting", 0, null),
                snap("running", true, "starting", 1, "t1"),
                snap("running", true, "starting", 1, "t1"),
                snap("running", true, "starting", 2, "t2"),
                snap("running", true, "starting", 2, "t2"),
                snap("running", true, "starting", 0, "t3"),
                snap("running", true, "healthy", 0, "t4")), seen::add);
        assertThat(result.healthy()).isTrue();
        // Total time (7 s) exceeds the stall timeout (3 s): only lack of progress counts.
        assertThat(Duration.ofNanos(now)).isGreaterThan(Duration.ofSeconds(3));
        assertThat(seen).extracting(HealthSnapshot::health).containsExactly("starting", "starting", "starting",
                "starting", "healthy");
    }

    @Test
    void noProgressTimesOutWithTheLastState() {
        assertThatThrownBy(() -> waiter(Duration.ofSeconds(5)).await(sequence(
                snap("running", true, "starting", 1, "t1")), s -> { }))
                .isInstanceOf(HealthCheckFailedException.class)
                .hasMessageContaining("No progress towards healthy for 5 s")
                .hasMessageContaining("probe t1");
        assertThat(Duration.ofNanos(now)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(7));
    }

    @Test
    void unhealthyStoppedAndCrashLoopingFailAtOnce() {
        assertThatThrownBy(() -> waiter(Duration.ofMinutes(5)).await(sequence(
                snap("running", true, "unhealthy", 3, "t9")), s -> { })).hasMessageContaining("unhealthy");
        assertThatThrownBy(() -> waiter(Duration.ofMinutes(5)).await(sequence(
                snap("exited", false, "unhealthy", 0, null)), s -> { })).hasMessageContaining("unhealthy");
        assertThatThrownBy(() -> waiter(Duration.ofMinutes(5)).await(sequence(
                snap("exited", false, "starting", 0, null)), s -> { })).hasMessageContaining("stopped");
        HealthSnapshot looping = new HealthSnapshot("restarting", false, true, false, 1, 1, "starting", 0, List.of());
        assertThatThrownBy(() -> waiter(Duration.ofMinutes(5)).await(sequence(
                snap("running", true, "starting", 0, null), looping), s -> { })).hasMessageContaining("restarting");
        HealthSnapshot oom = new HealthSnapshot("exited", false, false, true, 137, 0, "starting", 0, List.of());
        assertThatThrownBy(() -> waiter(Duration.ofMinutes(5)).await(sequence(oom), s -> { }))
                .hasMessageContaining("out of memory");
        assertThatThrownBy(() -> waiter(Duration.ofMinutes(5)).await(sequence(
                snap("running", true, "none", 0, null)), s -> { })).hasMessageContaining("no healthcheck");
    }

    @Test
    void earlierRestartsOfALongRunningContainerDoNotCount() {
        HealthSnapshot old = new HealthSnapshot("running", true, false, false, 0, 4, "healthy", 0, List.of());
        assertThat(waiter(Duration.ofSeconds(5)).await(sequence(old), s -> { }).healthy()).isTrue();
    }
}
