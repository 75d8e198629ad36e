package dev.snapotter.benchmarks;

import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.batch.BatchListener;
import dev.snapotter.engine.batch.BatchRequest;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.batch.ConflictPolicy;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.pipeline.ValidatedPipeline;
import dev.snapotter.engine.resample.LanczosResampler;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The engine side of benchmarks/scripts/compare-vips.sh: the same work the script gives libvips,
 * timed in one warm JVM. Each command prints {@code name median min max} lines (milliseconds).
 *
 * <pre>
 * generate DIR                                    write DIR/src24.jpg (6000×4000 q90)
 * single IN OUT_DIR WIDTH WARMUP RUNS             decode → resize → JPEG q85 → file, plus its parts
 * batch IN_DIR OUT_DIR WIDTH PARALLELISM RUNS     every *.jpg of IN_DIR through the batch runner
 * </pre>
 *
 * With {@code -Dsnapotter.compare.vips=true} (what the script passes), each engine measurement is
 * paired with the same work done by libvips' command-line tools, run alternately with it, so both
 * sides see the same machine conditions; the {@code X_per_Y} lines are medians of per-round ratios.
 */
public final class CompareMain {

    private final PrintStream out;
    private final ImageEngine engine = ImageEngine.createDefault();

    CompareMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: generate DIR | single IN OUT_DIR WIDTH WARMUP RUNS | batch IN_DIR OUT_DIR WIDTH PARALLELISM RUNS");
            System.exit(2);
        }
        new CompareMain(System.out).run(args);
    }

    void run(String[] a) throws Exception {
        switch (a[0]) {
            case "generate" -> out.println("generated " + SyntheticPhoto.ensure24MpJpeg(Path.of(a[1])));
            case "single" -> single(Path.of(a[1]), Path.of(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]));
            case "batch" -> batch(Path.of(a[1]), Path.of(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]));
            default -> throw new IllegalArgumentException("unknown command " + a[0]);
        }
    }

    private ValidatedPipeline resizeTo(int width) {
        return engine.validate(Pipeline.of(new PipelineStep("resize", Map.of("width", width))));
    }

    private static boolean withVips() {
        return Boolean.getBoolean("snapotter.compare.vips");
    }

    /** Times {@code engineWork}, alternating with {@code vipsWork} when the comparison is on. */
    private void measure(String engineName, Timings.Work engineWork, String vipsName, Timings.Work vipsWork,
                         int warmup, int runs) throws Exception {
        if (withVips() && vipsWork != null) {
            for (Timings t : Timings.paired(vipsName, vipsWork, engineName, engineWork, warmup, runs)) out.println(t.line());
        } else {
            out.println(Timings.measure(engineName, warmup, runs, engineWork).line());
        }
    }

    void single(Path in, Path outDir, int width, int warmup, int runs) throws Exception {
        Files.createDirectories(outDir);
        ValidatedPipeline pipeline = resizeTo(width);
        Path target = outDir.resolve("engine-single.jpg");
        measure("engine_pipeline", () -> engine.processFile(in, pipeline, target, new CancellationToken()),
                "vips_thumbnail", ExternalCommand.of("vipsthumbnail", in.toString(), "-s", String.valueOf(width),
                        "-o", outDir.resolve("vt.jpg") + "[Q=85]"), warmup, runs);
        measure("engine_decode", () -> engine.codec().decode(in, engine.limits()),
                "vips_decode", ExternalCommand.of("vips", "avg", in.toString()), warmup, runs);
        Picture full = engine.codec().decode(in, engine.limits());
        int height = (int) Math.round(full.height() * (double) width / full.width());
        LanczosResampler resampler = LanczosResampler.forAllCores();
        out.println(Timings.measure("engine_resize", warmup, runs, () -> resampler.resize(full.pixels(), width, height)).line());
        Picture q90 = full.withOutput(full.output().withQuality(90));
        Path encoded = outDir.resolve("engine-encode.jpg");
        Path raw = outDir.resolve("src.v");
        if (withVips()) ExternalCommand.of("vips", "copy", in.toString(), raw.toString()).run();
        measure("engine_encode24_q90", () -> {
            try (OutputStream os = Files.newOutputStream(encoded)) {
                engine.codec().encode(q90, os);
            }
        }, "vips_encode24_q90", ExternalCommand.of("vips", "copy", raw.toString(), outDir.resolve("ve.jpg") + "[Q=90]"),
                warmup, runs);
        Files.deleteIfExists(raw);
    }

    void batch(Path inDir, Path outDir, int width, int parallelism, int runs) throws Exception {
        Files.createDirectories(outDir);
        List<Path> inputs;
        try (Stream<Path> files = Files.list(inDir)) {
            inputs = files.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().toList();
        }
        BatchRequest request = new BatchRequest(inputs, resizeTo(width), outDir.resolve("engine"), null,
                ConflictPolicy.OVERWRITE, parallelism);
        Files.createDirectories(outDir.resolve("vips"));
        // the reference of perf-anchors §4d: two single-threaded vipsthumbnail processes over quarters of the list
        String vips = "cd " + quote(inDir) + " && ls *.jpg | VIPS_CONCURRENCY=1 xargs -P " + parallelism + " -n "
                + Math.max(1, (inputs.size() + 3) / 4) + " vipsthumbnail -s " + width + " -o "
                + quote(outDir.resolve("vips")) + "'/%s.jpg[Q=85]'";
        measure("engine_batch", () -> {
            BatchResult result = engine.runBatch(request, BatchListener.NONE, new CancellationToken());
            if (!result.failures().isEmpty()) throw new IllegalStateException("batch failures: " + result.failures());
        }, "vips_batch", ExternalCommand.shell(vips), 1, runs);
    }

    private static String quote(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "'\\''") + "'";
    }
}
