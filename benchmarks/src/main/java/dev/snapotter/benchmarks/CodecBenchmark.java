package dev.snapotter.benchmarks;

import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.resample.LanczosResampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The engine codec on its own: decode of the 24MP JPEG, JPEG encode at 1920×1280 q85 and 24MP q90. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED"})
public class CodecBenchmark {

    /** Codec backend: the pure-Java one, or libvips through FFM (needs libvips42; else run with -p backend=java). */
    @Param({"java", "libvips"})
    public String backend;

    private ImageEngine engine;
    private Path jpeg24;
    private Picture full;
    private Picture small;
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(16 << 20);

    @Setup
    public void setUp() throws IOException {
        engine = BenchEngines.forBackend(backend);
        jpeg24 = SyntheticPhoto.ensure24MpJpeg(BenchmarkFiles.dir());
        Picture decoded = engine.codec().decode(jpeg24, engine.limits());
        full = decoded.withOutput(decoded.output().withQuality(90));
        small = decoded.withPixels(LanczosResampler.forAllCores().resize(decoded.pixels(), 1920, 1280))
                .withOutput(OutputSpec.of(decoded.output().format()).withQuality(85));
    }

    @Benchmark
    public Picture decode24Mp() {
        return engine.codec().decode(jpeg24, engine.limits());
    }

    @Benchmark
    public int encode1920Q85() {
        sink.reset();
        engine.codec().encode(small, sink);
        return sink.size();
    }

    @Benchmark
    public int encode24MpQ90() {
        sink.reset();
        engine.codec().encode(full, sink);
        return sink.size();
    }
}
