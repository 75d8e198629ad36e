package dev.snapotter.engine.batch;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineRunner;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.pipeline.ValidatedPipeline;
import dev.snapotter.engine.testing.HostileCorpus;
import dev.snapotter.engine.testing.TestImages;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchRunnerTest {

    static final EngineLimits LIMITS = new EngineLimits(100, 20, 1L << 30);
    private final ImageEngine engine = ImageEngine.create(LIMITS);

    @TempDir
    Path dir;

    private ValidatedPipeline toPng() {
        return engine.validate(Pipeline.of(new PipelineStep("convert", Map.of("format", "png"))));
    }

    private List<Path> jpegs(Path folder, int n) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(TestImages.write(folder, "img" + i + ".jpg", TestImages.jpeg(40 + i, 30)));
        return out;
    }

    /** A pipeline of one test tool that runs {@code body} for each picture. */
    private static ValidatedPipeline probeTool(Consumer<ToolContext> body) {
        ImageTool tool = new ImageTool() {
            @Override
            public ToolDescriptor descriptor() {
                return new ToolDescriptor("probe", "probe", "utilities", "test", List.<ParamSpec>of(), true);
            }

            @Override
            public Picture apply(Picture input, Settings settings, ToolContext context) {
                body.accept(context);
                return input;
            }
        };
        return new ValidatedPipeline(List.of(new ValidatedPipeline.Step(tool, tool.validate(Map.of()))));
    }

    @Test
    void filesRunInParallelUpToTheRequestedWorkers() {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        AtomicInteger met = new AtomicInteger();
        ValidatedPipeline p = probeTool(ctx -> {
            try {
                bothRunning.await(10, TimeUnit.SECONDS);
                met.incrementAndGet();
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the second worker never arrived", e);
            }
        });
        BatchResult r = engine.runBatch(new BatchRequest(jpegs(dir.resolve("in"), 4), p, dir.resolve("out"), null, null, 2), null, null);
        assertThat(r.count(FileOutcome.Status.DONE)).isEqualTo(4);
        assertThat(met.get()).isEqualTo(4);
    }

    @Test
    void theMemoryBudgetLimitsHowManyFilesRunAtOnce() {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        ValidatedPipeline p = probeTool(ctx -> {
            max.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            active.decrementAndGet();
        });
        // each 40..43×30 job is estimated at ~10 KB; 16 KB of budget fits only one at a time
        EngineLimits tight = new EngineLimits(100, 20, 16 * 1024);
        PipelineRunner runner = new PipelineRunner(new ImageIoCodec(), tight);
        BatchResult r = new BatchRunner(runner, tight).run(new BatchRequest(jpegs(dir.resolve("in"), 4), p, dir.resolve("out"), null, null, 4), null, null);
        assertThat(r.count(FileOutcome.Status.DONE)).isEqualTo(4);
        assertThat(max.get()).isEqualTo(1);
    }

    @Test
    void aFailingFileDoesNotStopTheOthers() {
        List<Path> inputs = new ArrayList<>(jpegs(dir.resolve("in"), 3));
        inputs.add(1, HostileCorpus.failing().stream().filter(e -> e.name().equals("truncated-png")).findFirst().orElseThrow().writeTo(dir.resolve("in")));
        inputs.add(HostileCorpus.failing().stream().filter(e -> e.name().equals("html-as-jpg")).findFirst().orElseThrow().writeTo(dir.resolve("in")));
        BatchResult r = engine.runBatch(new BatchRequest(inputs, toPng(), dir.resolve("out"), null, null, 2), null, null);
        assertThat(r.count(FileOutcome.Status.DONE)).isEqualTo(3);
        assertThat(r.failures()).extracting(FileOutcome::error).anySatisfy(m -> assertThat(m).contains("truncated"))
                .anySatisfy(m -> assertThat(m).contains("HTML"));
        assertThat(r.outcomes().get(1).status()).isEqualTo(FileOutcome.Status.FAILED);
    }

    @Test
    void cancellingMidBatchStopsAndLeavesNoPartialFiles() throws IOException {
        CancellationToken token = new CancellationToken();
        AtomicInteger seen = new AtomicInteger();
        ValidatedPipeline p = probeTool(ctx -> {
            if (seen.incrementAndGet() == 3) {
                token.cancel();
                ctx.checkCancelled(); // the running file stops here
            }
        });
        BatchResult r = engine.runBatch(new BatchRequest(jpegs(dir.resolve("in"), 8), p, dir.resolve("out"), null, null, 1), null, token);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.count(FileOutcome.Status.DONE)).isEqualTo(2);
        assertThat(r.count(FileOutcome.Status.CANCELLED)).isEqualTo(6);
        assertThat(listing(dir.resolve("out"))).containsExactlyInAnyOrder("img0.jpg", "img1.jpg");
    }

    @Test
    void progressEventsCountEveryFile() {
        List<String> events = new CopyOnWriteArrayList<>();
        BatchListener l = new BatchListener() {
            @Override
            public void started(int total) {
                events.add("started " + total);
            }

            @Override
            public void fileFinished(FileOutcome outcome, int completed, int total) {
                events.add("done " + completed + "/" + total);
            }

            @Override
            public void finished(BatchResult result) {
                events.add("finished");
            }
        };
        engine.runBatch(new BatchRequest(jpegs(dir.resolve("in"), 3), toPng(), dir.resolve("out"), null, null, 2), l, null);
        assertThat(events).containsExactly("started 3", "done 1/3", "done 2/3", "done 3/3", "finished");
    }

    @Test
    void renameSkipAndOverwriteAreDecidedUpFront() throws IOException {
        List<Path> in = jpegs(dir.resolve("in"), 1);
        Path out = dir.resolve("out");
        byte[] existing = TestImages.png(5, 5, false);
        TestImages.write(out, "img0.png", existing);

        BatchResult renamed = engine.runBatch(new BatchRequest(in, toPng(), out, null, ConflictPolicy.RENAME, 1), null, null);
        assertThat(renamed.outcomes().getFirst().output().getFileName().toString()).isEqualTo("img0 (1).png");

        BatchResult skipped = engine.runBatch(new BatchRequest(in, toPng(), out, null, ConflictPolicy.SKIP, 1), null, null);
        assertThat(skipped.outcomes().getFirst().status()).isEqualTo(FileOutcome.Status.SKIPPED);
        assertThat(skipped.outcomes().getFirst().error()).contains("already exists");
        assertThat(Files.readAllBytes(out.resolve("img0.png"))).isEqualTo(existing);

        BatchResult overwritten = engine.runBatch(new BatchRequest(in, toPng(), out, null, ConflictPolicy.OVERWRITE, 1), null, null);
        assertThat(overwritten.outcomes().getFirst().output()).isEqualTo(out.resolve("img0.png"));
        assertThat(Files.readAllBytes(out.resolve("img0.png"))).isNotEqualTo(existing);
        assertThat(listing(out)).containsExactlyInAnyOrder("img0.png", "img0 (1).png");
    }

    @Test
    void twoInputsWithTheSameNameNeverShareAnOutput() throws IOException {
        Path a = TestImages.write(dir.resolve("a"), "photo.jpg", TestImages.jpeg(20, 20));
        Path b = TestImages.write(dir.resolve("b"), "PHOTO.jpg", TestImages.jpeg(30, 30));
        for (ConflictPolicy policy : List.of(ConflictPolicy.RENAME, ConflictPolicy.OVERWRITE)) {
            Path out = dir.resolve("out-" + policy);
            BatchResult r = engine.runBatch(new BatchRequest(List.of(a, b), toPng(), out, null, policy, 2), null, null);
            assertThat(r.count(FileOutcome.Status.DONE)).as(policy.toString()).isEqualTo(2);
            assertThat(listing(out)).as(policy.toString()).containsExactly("PHOTO (1).png", "photo.png");
        }
        BatchResult skip = engine.runBatch(new BatchRequest(List.of(a, b), toPng(), dir.resolve("out-skip"), null, ConflictPolicy.SKIP, 2), null, null);
        assertThat(skip.outcomes().get(1).status()).isEqualTo(FileOutcome.Status.SKIPPED);
        assertThat(skip.outcomes().get(1).error()).contains("another input");
    }

    @Test
    void anInputIsNeverOverwrittenEvenWhenTheOutputFolderIsTheInputFolder() throws IOException {
        Path folder = dir.resolve("photos");
        List<Path> in = jpegs(folder, 2);
        byte[] before = Files.readAllBytes(in.getFirst());
        ValidatedPipeline keepJpeg = engine.validate(Pipeline.of(new PipelineStep("compress", Map.of("quality", 50))));

        BatchResult r = engine.runBatch(new BatchRequest(in, keepJpeg, folder, "{name}.{ext}", ConflictPolicy.OVERWRITE, 2), null, null);

        assertThat(r.count(FileOutcome.Status.DONE)).isEqualTo(2);
        assertThat(Files.readAllBytes(in.getFirst())).isEqualTo(before);
        assertThat(listing(folder)).containsExactlyInAnyOrder("img0.jpg", "img1.jpg", "img0 (1).jpg", "img1 (1).jpg");
        BatchResult skip = engine.runBatch(new BatchRequest(in, keepJpeg, folder, "{name}.{ext}", ConflictPolicy.SKIP, 2), null, null);
        assertThat(skip.count(FileOutcome.Status.SKIPPED)).isEqualTo(2);
    }

    @Test
    void aFormatChangedAtRunTimeStillGetsAFreeName() throws IOException {
        Path a = TestImages.write(dir.resolve("a"), "x.jpg", TestImages.jpeg(20, 20));
        Path b = TestImages.write(dir.resolve("b"), "x.png", TestImages.png(20, 20, false));
        ImageTool toPngAtRunTime = new ImageTool() {
            @Override
            public ToolDescriptor descriptor() {
                return new ToolDescriptor("make-png", "png", "utilities", "test", List.<ParamSpec>of(), true);
            }

            @Override
            public Picture apply(Picture input, Settings settings, ToolContext context) {
                return input.withOutput(input.output().withFormat(dev.snapotter.engine.codec.ImageFormat.PNG));
            }
        };
        ValidatedPipeline p = new ValidatedPipeline(List.of(new ValidatedPipeline.Step(toPngAtRunTime, toPngAtRunTime.validate(Map.of()))));
        BatchResult r = engine.runBatch(new BatchRequest(List.of(a, b), p, dir.resolve("out"), null, ConflictPolicy.RENAME, 1), null, null);
        assertThat(r.count(FileOutcome.Status.DONE)).isEqualTo(2);
        assertThat(listing(dir.resolve("out"))).containsExactly("x (1).png", "x.png");
    }

    @Test
    void templatesAreAppliedAndCheckedBeforeAnyWork() throws IOException {
        List<Path> in = jpegs(dir.resolve("in"), 2);
        engine.runBatch(new BatchRequest(in, toPng(), dir.resolve("out"), "{index}_{tool}_{name}.{ext}", null, 1), null, null);
        assertThat(listing(dir.resolve("out"))).containsExactly("1_convert_img0.png", "2_convert_img1.png");
        assertThatThrownBy(() -> engine.runBatch(new BatchRequest(in, toPng(), dir.resolve("out2"), "../{name}", null, 1), null, null))
                .isInstanceOf(dev.snapotter.engine.tool.InvalidSettingsException.class);
        assertThat(Files.exists(dir.resolve("out2"))).isFalse();
    }

    static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
