package dev.snapotter.control.monitor;

import com.github.dockerjava.api.model.Statistics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples a container's stats at a fixed interval into a ring buffer (CPU% from consecutive samples).
 * {@link #close()} stops the sampler thread; the collector is registered so leaks show up.
 */
public final class StatsCollector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatsCollector.class);

    private final Function<String, Optional<Statistics>> reader;
    private final String containerId;
    private final RingBuffer<StatsSample> history;
    private final Clock clock;
    private final Consumer<StatsSample> listener;
    private ScheduledExecutorService scheduler;
    private StreamRegistry.Registration registration;
    private CpuTotals previous;

    StatsCollector(Function<String, Optional<Statistics>> reader, String containerId, int capacity, Clock clock,
                   Consumer<StatsSample> listener) {
        this.reader = reader;
        this.containerId = containerId;
        this.history = new RingBuffer<>(capacity);
        this.clock = clock;
        this.listener = listener;
    }

    /** Starts sampling every {@code interval}, keeping the last {@code capacity} samples. */
    public static StatsCollector start(StatsReader reader, StreamRegistry registry, String containerId,
                                       Duration interval, int capacity, Consumer<StatsSample> listener) {
        StatsCollector collector = new StatsCollector(reader::read, containerId, capacity, Clock.systemUTC(), listener);
        collector.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("snapotter-stats").factory());
        collector.registration = registry.register("stats " + containerId, collector::stop);
        collector.scheduler.scheduleWithFixedDelay(collector::sampleSafely, 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return collector;
    }

    /** Takes one sample now; returns it when the engine answered. */
    Optional<StatsSample> sample() {
        Optional<Statistics> stats = reader.apply(containerId);
        if (stats.isEmpty()) return Optional.empty();
        Statistics s = stats.get();
        Optional<CpuTotals> now = StatsReader.cpu(s.getCpuStats());
        // First sample: the engine's own previous reading (precpu) stands in for ours.
        CpuTotals before = previous != null ? previous : StatsReader.cpu(s.getPreCpuStats()).orElse(null);
        double cpu = now.isPresent() && before != null ? now.get().percentSince(before) : 0.0;
        now.ifPresent(n -> previous = n);
        long limit = s.getMemoryStats() == null || s.getMemoryStats().getLimit() == null ? 0
                : s.getMemoryStats().getLimit();
        long pids = s.getPidsStats() == null || s.getPidsStats().getCurrent() == null ? 0
                : s.getPidsStats().getCurrent();
        StatsSample sample = new StatsSample(clock.instant(), cpu, StatsReader.memoryUsed(s.getMemoryStats()), limit,
                pids);
        history.add(sample);
        listener.accept(sample);
        return Optional.of(sample);
    }

    private void sampleSafely() {
        try {
            sample();
        } catch (RuntimeException e) {
            LOG.debug("Stats sample of {} failed: {}", containerId, e.toString());
        }
    }

    public List<StatsSample> history() {
        return history.snapshot();
    }

    private void stop() {
        if (scheduler != null) scheduler.shutdownNow();
    }

    @Override
    public void close() {
        if (registration != null) registration.close();
        else stop();
    }
}
