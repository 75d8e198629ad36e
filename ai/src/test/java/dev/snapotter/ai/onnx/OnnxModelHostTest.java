package dev.snapotter.ai.onnx;

import dev.snapotter.ai.model.ModelLocator;
import dev.snapotter.ai.model.ModelSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Lifecycle of the real session (no inference: these only load the model). */
class OnnxModelHostTest {

    private static Path model() {
        ModelLocator locator = ModelLocator.fromEnvironment();
        assumeTrue(locator.isInstalled(ModelSpec.ISNET_SMALL),
                "SKIPPED: ISNet model not found in " + locator.directory() + " - run ai/scripts/fetch-model.sh");
        return locator.locate(ModelSpec.ISNET_SMALL);
    }

    @Test
    void loadsLazilyAndUnloadsAfterTheIdleTimeout() throws Exception {
        try (OnnxModelHost host = new OnnxModelHost(model(), Duration.ofMillis(300), 1)) {
            assertThat(host.isLoaded()).isFalse();
            String input = host.run((env, s) -> s.getInputNames().iterator().next());
            assertThat(input).isEqualTo("input");
            assertThat(host.isLoaded()).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (host.isLoaded() && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(host.isLoaded()).as("unloaded after idle timeout").isFalse();
            boolean hasOutput = host.run((env, s) -> s.getOutputNames().contains("output"));
            assertThat(hasOutput).isTrue();
        }
    }

    @Test
    void runsOneWorkAtATime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (OnnxModelHost host = new OnnxModelHost(model(), Duration.ofMinutes(1), 1)) {
            Future<?>[] runs = new Future<?>[8];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = pool.submit(() -> host.run((env, s) -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
                    inside.decrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : runs) f.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void aClosedHostRefusesWork() {
        OnnxModelHost host = new OnnxModelHost(model(), Duration.ofMinutes(1), 1);
        host.close();
        assertThatThrownBy(() -> host.run((env, s) -> null)).isInstanceOf(IllegalStateException.class);
    }
}
