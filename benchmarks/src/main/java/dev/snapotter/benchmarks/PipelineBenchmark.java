package dev.snapotter.benchmarks;

import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.pipeline.ValidatedPipeline;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole single-image path the desktop, CLI and server run: file → decode → resize to
 * 1920 wide → JPEG q85 (the output default) → atomic write. The same work as
 * {@code vipsthumbnail src24.jpg -s 1920 -o out.jpg[Q=85]}. On libvips, {@code jpeg24MpTo1920Q85} takes the
 * native fast path (no Java pixels); {@code jpeg24MpTo1920Q85ViaJavaPixels} decodes into a Picture.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED"})
public class PipelineBenchmark {

    /** Codec backend: the pure-Java one, or libvips through FFM (needs libvips42; else run with -p backend=java). */
    @Param({"java", "libvips"})
    public String backend;

    private ImageEngine engine;
    private ValidatedPipeline pipeline;
    private Path input;
    private Path output;

    @Setup
    public void setUp() throws IOException {
        engine = BenchEngines.forBackend(backend);
        pipeline = engine.validate(Pipeline.of(new PipelineStep("resize", Map.of("width", 1920))));
        Path dir = BenchmarkFiles.dir();
        input = SyntheticPhoto.ensure24MpJpeg(dir);
        output = dir.resolve("pipeline-out.jpg");
    }

    /** The same pipeline, forced through a Java {@code Picture} even on libvips (the fast path off), for comparison. */
    @Benchmark
    public Path jpeg24MpTo1920Q85ViaJavaPixels() {
        System.setProperty("snapotter.engine.direct", "false");
        try {
            return engine.processFile(input, pipeline, output, new CancellationToken());
        } finally {
            System.clearProperty("snapotter.engine.direct");
        }
    }

    @Benchmark
    public Path jpeg24MpTo1920Q85() {
        return engine.processFile(input, pipeline, output, new CancellationToken());
    }
}
