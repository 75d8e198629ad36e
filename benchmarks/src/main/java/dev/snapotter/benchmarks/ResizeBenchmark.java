package dev.snapotter.benchmarks;

import dev.snapotter.engine.resample.LanczosResampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;

/** Lanczos3 24MP (6000×4000) → 1920×1280 in memory, on one thread and on all cores. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC", "-Djava.awt.headless=true"})
public class ResizeBenchmark {

    @Param({"1", "all"})
    public String threads;

    @Param({"rgb", "rgba"})
    public String layout;

    private BufferedImage source;
    private LanczosResampler resampler;

    @Setup
    public void setUp() {
        BufferedImage rgb = SyntheticPhoto.create(6000, 4000, 42);
        source = layout.equals("rgb") ? rgb : withAlpha(rgb);
        resampler = threads.equals("1") ? new LanczosResampler(1) : LanczosResampler.forAllCores();
    }

    private static BufferedImage withAlpha(BufferedImage rgb) {
        BufferedImage argb = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_4BYTE_ABGR);
        argb.createGraphics().drawImage(rgb, 0, 0, null);
        return argb;
    }

    @Benchmark
    public BufferedImage resize24MpTo1920() {
        return resampler.resize(source, 1920, 1280);
    }
}
