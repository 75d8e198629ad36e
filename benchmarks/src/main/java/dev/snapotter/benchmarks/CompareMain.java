package dev.snapotter.benchmarks;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.batch.BatchListener;
import dev.snapotter.engine.batch.BatchRequest;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.batch.ConflictPolicy;
import dev.snapotter.engine.codec.CodecSelection;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.pipeline.ValidatedPipeline;
import dev.snapotter.engine.resample.LanczosResampler;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The engine side of benchmarks/scripts/compare-vips.sh: the same work the script gives libvips' command-line
 * tools, timed in one warm JVM, for BOTH engine backends (pure Java, and libvips through FFM when installed).
 * Each command prints {@code name median min max} lines (milliseconds) and {@code X_per_Y} ratio lines.
 *
 * <pre>
 * generate DIR                                    write DIR/src24.jpg (6000×4000 q90)
 * single IN OUT_DIR WIDTH WARMUP RUNS             decode → resize → JPEG q85 → file, plus its parts
 * batch IN_DIR OUT_DIR WIDTH PARALLELISM RUNS     every *.jpg of IN_DIR through the batch runner
 * webp PNG OUT_DIR WARMUP RUNS                    PNG → WebP q80 (libvips backend) against cwebp
 * oneshot IN OUT_DIR WIDTH WARMUP RUNS CLI        a whole CLI process (JVM start included) against vipsthumbnail
 * </pre>
 *
 * With {@code -Dsnapotter.compare.vips=true} (what the script passes) the command-line reference runs in the
 * same rounds as the engine runs (reference, java, libvips, reference, java, libvips, ...), so all see the same
 * machine conditions; ratios are medians of per-round ratios to the reference.
 */
public final class CompareMain {

    private final PrintStream out;
    private final ImageEngine javaEngine;
    private final ImageEngine vipsEngine; // null when libvips is not installed

    CompareMain(PrintStream out) {
        this.out = out;
        EngineLimits limits = EngineLimits.defaults();
        this.javaEngine = ImageEngine.create(new ImageIoCodec(), limits);
        ImageEngine v = null;
        try {
            v = ImageEngine.create(CodecSelection.select("vips", System.getProperty(CodecSelection.LIBRARY_PROPERTY, "libvips.so.42")), limits);
        } catch (IllegalStateException e) {
            System.err.println("libvips backend not measured: " + e.getMessage());
        }
        this.vipsEngine = v;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: generate DIR | single IN OUT_DIR WIDTH WARMUP RUNS | batch IN_DIR OUT_DIR WIDTH PARALLELISM RUNS"
                    + " | webp PNG OUT_DIR WARMUP RUNS | oneshot IN OUT_DIR WIDTH WARMUP RUNS CLI");
            System.exit(2);
        }
        new CompareMain(System.out).run(args);
    }

    void run(String[] a) throws Exception {
        switch (a[0]) {
            case "generate" -> out.println("generated " + SyntheticPhoto.ensure24MpJpeg(Path.of(a[1])));
            case "single" -> single(Path.of(a[1]), Path.of(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]));
            case "batch" -> batch(Path.of(a[1]), Path.of(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]));
            case "webp" -> webp(Path.of(a[1]), Path.of(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]));
            case "oneshot" -> oneshot(Path.of(a[1]), Path.of(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]), a[6]);
            default -> throw new IllegalArgumentException("unknown command " + a[0]);
        }
    }

    private static ValidatedPipeline resizeTo(ImageEngine engine, int width) {
        return engine.validate(Pipeline.of(new PipelineStep("resize", Map.of("width", width))));
    }

    private static boolean withVips() {
        return Boolean.getBoolean("snapotter.compare.vips");
    }

    /** One measurement group: the command-line reference (when comparing) and the engine variants, interleaved. */
    private void measure(String refName, Timings.Work ref, int warmup, int runs, Object... namesAndWork) throws Exception {
        List<String> names = new ArrayList<>();
        List<Timings.Work> work = new ArrayList<>();
        if (withVips() && ref != null) {
            names.add(refName);
            work.add(ref);
        }
        for (int i = 0; i < namesAndWork.length; i += 2) {
            if (namesAndWork[i + 1] == null) continue; // a backend that is not available here
            names.add((String) namesAndWork[i]);
            work.add((Timings.Work) namesAndWork[i + 1]);
        }
        for (Timings t : Timings.interleaved(names.toArray(String[]::new), work.toArray(Timings.Work[]::new), warmup, runs)) {
            out.println(t.line());
        }
    }

    private Timings.Work ifVips(Timings.Work w) {
        return vipsEngine == null ? null : w;
    }

    void single(Path in, Path outDir, int width, int warmup, int runs) throws Exception {
        Files.createDirectories(outDir);
        ValidatedPipeline jp = resizeTo(javaEngine, width);
        ValidatedPipeline vp = vipsEngine == null ? null : resizeTo(vipsEngine, width);
        measure("vips_thumbnail", ExternalCommand.of("vipsthumbnail", in.toString(), "-s", String.valueOf(width),
                        "-o", outDir.resolve("vt.jpg") + "[Q=85]"), warmup, runs,
                "engine_pipeline", (Timings.Work) () -> javaEngine.processFile(in, jp, outDir.resolve("engine-java.jpg"), new CancellationToken()),
                "engine_vips_pipeline", ifVips(() -> vipsEngine.processFile(in, vp, outDir.resolve("engine-vips.jpg"), new CancellationToken())));
        measure("vips_decode", ExternalCommand.of("vips", "avg", in.toString()), warmup, runs,
                "engine_decode", (Timings.Work) () -> javaEngine.codec().decode(in, javaEngine.limits()),
                "engine_vips_decode", ifVips(() -> vipsEngine.codec().decode(in, vipsEngine.limits())));
        Picture full = javaEngine.codec().decode(in, javaEngine.limits());
        int height = (int) Math.round(full.height() * (double) width / full.width());
        LanczosResampler resampler = LanczosResampler.forAllCores();
        out.println(Timings.measure("engine_resize", warmup, runs, () -> resampler.resize(full.pixels(), width, height)).line());
        Picture q90 = full.withOutput(full.output().withQuality(90));
        Path raw = outDir.resolve("src.v");
        if (withVips()) ExternalCommand.of("vips", "copy", in.toString(), raw.toString()).run();
        measure("vips_encode24_q90", ExternalCommand.of("vips", "copy", raw.toString(), outDir.resolve("ve.jpg") + "[Q=90]"), warmup, runs,
                "engine_encode24_q90", (Timings.Work) () -> encode(javaEngine, q90, outDir.resolve("engine-encode.jpg")),
                "engine_vips_encode24_q90", ifVips(() -> encode(vipsEngine, q90, outDir.resolve("engine-vips-encode.jpg"))));
        Files.deleteIfExists(raw);
    }

    private static void encode(ImageEngine engine, Picture p, Path target) throws Exception {
        try (OutputStream os = Files.newOutputStream(target)) {
            engine.codec().encode(p, os);
        }
    }

    void batch(Path inDir, Path outDir, int width, int parallelism, int runs) throws Exception {
        Files.createDirectories(outDir);
        List<Path> inputs;
        try (Stream<Path> files = Files.list(inDir)) {
            inputs = files.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().toList();
        }
        Files.createDirectories(outDir.resolve("vips"));
        // the reference of perf-anchors §4d: two single-threaded vipsthumbnail processes over quarters of the list
        String vips = "cd " + quote(inDir) + " && ls *.jpg | VIPS_CONCURRENCY=1 xargs -P " + parallelism + " -n "
                + Math.max(1, (inputs.size() + 3) / 4) + " vipsthumbnail -s " + width + " -o "
                + quote(outDir.resolve("vips")) + "'/%s.jpg[Q=85]'";
        measure("vips_batch", ExternalCommand.shell(vips), 1, runs,
                "engine_batch", batchWork(javaEngine, inputs, outDir.resolve("engine"), width, parallelism),
                "engine_vips_batch", vipsEngine == null ? null : batchWork(vipsEngine, inputs, outDir.resolve("engine-vips"), width, parallelism));
    }

    private static Timings.Work batchWork(ImageEngine engine, List<Path> inputs, Path out, int width, int parallelism) {
        BatchRequest request = new BatchRequest(inputs, resizeTo(engine, width), out, null, ConflictPolicy.OVERWRITE, parallelism);
        return () -> {
            BatchResult result = engine.runBatch(request, BatchListener.NONE, new CancellationToken());
            if (!result.failures().isEmpty()) throw new IllegalStateException("batch failures: " + result.failures());
        };
    }

    void webp(Path png, Path outDir, int warmup, int runs) throws Exception {
        Files.createDirectories(outDir);
        if (vipsEngine == null) {
            System.err.println("webp: skipped, the Java backend cannot write WebP");
            return;
        }
        ValidatedPipeline toWebp = vipsEngine.validate(Pipeline.of(new PipelineStep("convert", Map.of("format", "webp", "quality", 80))));
        measure("cwebp", ExternalCommand.of("cwebp", "-quiet", "-q", "80", png.toString(), "-o", outDir.resolve("cw.webp").toString()),
                warmup, runs,
                "engine_vips_webp", (Timings.Work) () -> vipsEngine.processFile(png, toWebp, outDir.resolve("engine.webp"), new CancellationToken()),
                "vips_copy_webp", ExternalCommand.of("vips", "copy", png.toString(), outDir.resolve("vc.webp") + "[Q=80]"));
    }

    /** Whole processes, JVM start included: the CLI with its AOT cache (when the launcher finds one) and without. */
    void oneshot(Path in, Path outDir, int width, int warmup, int runs, String cli) throws Exception {
        Files.createDirectories(outDir);
        Path pipeline = outDir.resolve("oneshot-resize.json");
        Files.writeString(pipeline, "{\"steps\":[{\"toolId\":\"resize\",\"settings\":{\"width\":" + width + "}}]}");
        String run = quote(Path.of(cli)) + " run -p " + quote(pipeline) + " -o " + quote(outDir.resolve("cli")) + " --conflict overwrite " + quote(in);
        measure("vips_thumbnail_cli", ExternalCommand.of("vipsthumbnail", in.toString(), "-s", String.valueOf(width),
                        "-o", outDir.resolve("vt1.jpg") + "[Q=85]"), warmup, runs,
                "cli_aot", ExternalCommand.shell(run),
                "cli_no_aot", ExternalCommand.shell("SNAPOTTER_AOT=off " + run),
                "cli_java_backend", ExternalCommand.shell("SNAPOTTER_ENGINE_BACKEND=java " + run));
    }

    private static String quote(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "'\\''") + "'";
    }
}
