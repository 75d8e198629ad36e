package dev.snapotter.benchmarks;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the benchmark module is wired (JMH harness generated, generator usable) without running JMH. */
class BenchmarkSmokeTest {

    @Test
    void jmhGeneratedTheBenchmarkList() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(in).as("META-INF/BenchmarkList from jmh-generator-annprocess").isNotNull();
            String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(list).contains("ResizeBenchmark", "CodecBenchmark", "PipelineBenchmark");
        }
    }

    @Test
    void syntheticPhotosAreDeterministic() {
        BufferedImage a = SyntheticPhoto.create(64, 48, 7);
        BufferedImage b = SyntheticPhoto.create(64, 48, 7);
        assertThat(a.getRGB(10, 10)).isEqualTo(b.getRGB(10, 10));
        assertThat(a.getRGB(63, 47)).isEqualTo(b.getRGB(63, 47));
    }

    @Test
    void timingsReportTheMedian() throws Exception {
        int[] calls = {0};
        Timings t = Timings.measure("x", 1, 3, () -> calls[0]++);
        assertThat(calls[0]).isEqualTo(4);
        assertThat(t.line()).startsWith("x ");
    }
}
