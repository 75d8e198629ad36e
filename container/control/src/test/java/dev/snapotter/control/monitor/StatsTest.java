package dev.snapotter.control.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stats document as the engine sends it (cgroup v2 shape). */
    private static Statistics stats(long cpuTotal, long system, long preTotal, long preSystem, long usage,
                                    long inactiveFile, long pids) throws Exception {
        String json = """
            {"read":"2026-11-25T10:00:00Z",
             "cpu_stats":{"cpu_usage":{"total_usage":%d},"system_cpu_usage":%d,"online_cpus":2},
             "precpu_stats":{"cpu_usage":{"total_usage":%d},"system_cpu_usage":%d,"online_cpus":2},
             "memory_stats":{"usage":%d,"limit":6442450944,"stats":{"inactive_file":%d}},
             "pids_stats":{"current":%d}}
            """.formatted(cpuTotal, system, preTotal, preSystem, usage, inactiveFile, pids);
        return JSON.readValue(json, Statistics.class);
    }

    @Test
    void cpuPercentBetweenTwoSamples() {
        CpuTotals before = new CpuTotals(1_000, 10_000, 2);
        CpuTotals after = new CpuTotals(3_500, 20_000, 2);
        assertThat(after.percentSince(before)).isCloseTo(50.0, within(1e-9)); // 2500/10000 * 2 CPUs * 100
        assertThat(before.percentSince(after)).isZero();
        assertThat(after.percentSince(after)).isZero();
    }

    @Test
    void collectorUsesPrecpuFirstThenItsOwnPreviousSample() throws Exception {
        Deque<Statistics> answers = new ArrayDeque<>(List.of(
                stats(2_000, 20_000, 1_000, 10_000, 300_000_000, 100_000_000, 7),
                stats(12_000, 40_000, 11_999, 39_999, 310_000_000, 100_000_000, 9)));
        StatsCollector c = new StatsCollector(id -> Optional.ofNullable(answers.poll()), "c1", 2,
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), s -> { });

        StatsSample first = c.sample().orElseThrow();
        assertThat(first.cpuPercent()).isCloseTo(20.0, within(1e-9));   // 1000/10000*2*100 via precpu
        assertThat(first.memoryBytes()).isEqualTo(200_000_000L);          // usage - inactive_file
        assertThat(first.memoryLimit()).isEqualTo(6442450944L);
        assertThat(first.pids()).isEqualTo(7);

        StatsSample second = c.sample().orElseThrow();
        // Our previous sample (2000/20000), not the engine's precpu (11999/39999): 10000/20000*2*100.
        assertThat(second.cpuPercent()).isCloseTo(100.0, within(1e-9));
        assertThat(second.pids()).isEqualTo(9);
        assertThat(c.sample()).isEmpty();                                  // engine gave nothing
        assertThat(c.history()).containsExactly(first, second);
    }

    @Test
    void ringBufferKeepsTheNewestOldestFirst() {
        RingBuffer<Integer> ring = new RingBuffer<>(3);
        assertThat(ring.snapshot()).isEmpty();
        for (int i = 1; i <= 5; i++) ring.add(i);
        assertThat(ring.snapshot()).containsExactly(3, 4, 5);
        assertThat(ring.size()).isEqualTo(3);
    }

    @Test
    void registryClosesEverythingOnceAndCountsOpenStreams() {
        StreamRegistry registry = new StreamRegistry();
        int[] closes = new int[2];
        StreamRegistry.Registration a = registry.register("a", () -> closes[0]++);
        registry.register("b", () -> closes[1]++);
        assertThat(registry.openStreams()).containsExactlyInAnyOrder("a", "b");
        a.close();
        a.close();
        assertThat(registry.openCount()).isEqualTo(1);
        registry.close();
        assertThat(registry.openCount()).isZero();
        assertThat(closes).containsExactly(1, 1);
    }
}
