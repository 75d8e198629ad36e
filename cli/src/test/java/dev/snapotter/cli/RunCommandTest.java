package dev.snapotter.cli;

import dev.snapotter.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.snapotter.cli.CliHarness.exec;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code snapotter run} end to end, in-process, on generated images and the real engine. */
class RunCommandTest {

    /** resize to 200 wide → rotate 90° → 10 px border: a W×H input becomes (200·H/W + 20) × (200 + 20). */
    static final String THREE_STEPS = """
            {"steps":[
              {"toolId":"resize","settings":{"width":200}},
              {"toolId":"rotate","settings":{"angle":90}},
              {"toolId":"border","settings":{"borderWidth":10,"borderColor":"#ff0000"}}
            ]}""";

    static final String RESIZE_100 = """
            {"steps":[{"toolId":"resize","settings":{"width":100}}]}""";

    @TempDir
    Path tmp;

    @Test
    void runProcessesAFolderThroughAThreeStepPipeline() {
        Path in = tmp.resolve("photos");
        TestImages.write(in.resolve("landscape.jpg"), 400, 300);
        TestImages.write(in.resolve("portrait.png"), 300, 400);
        TestImages.write(in.resolve("wide.jpg"), 640, 160);
        TestImages.text(in.resolve("notes.txt"), "not an image");
        Map<String, String> before = hashes(in);
        Path out = tmp.resolve("out");

        Result r = exec("run", "--pipeline", pipeline(THREE_STEPS).toString(), "--out", out.toString(), in.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(names(out)).containsExactlyInAnyOrder("landscape.jpg", "portrait.png", "wide.jpg");
        assertSize(out.resolve("landscape.jpg"), 150 + 20, 200 + 20);
        assertSize(out.resolve("portrait.png"), 267 + 20, 200 + 20);
        assertSize(out.resolve("wide.jpg"), 50 + 20, 200 + 20);
        // The red border really is there (step 3 ran last, on the rotated image).
        assertThat(TestImages.read(out.resolve("portrait.png")).getRGB(2, 2) & 0xffffff).isEqualTo(0xff0000);
        assertThat(hashes(in)).as("inputs are never modified").isEqualTo(before);
        assertThat(r.out()).contains("[1/3] done").contains("Done: 3 written");
        assertThat(r.err()).contains("ignored 1 file(s) that are not a supported image type").contains("notes.txt");
    }

    @Test
    void badPipelineJsonIsAUsageErrorAndTouchesNothing() {
        Path image = TestImages.write(tmp.resolve("a.jpg"), 64, 48);
        Path out = tmp.resolve("out");

        Result r = exec("run", "-p", pipeline("{\"steps\": [").toString(), "-o", out.toString(), image.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("invalid pipeline").contains("pipeline: not a valid pipeline document");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void fieldErrorsArePrintedWithTheirPath() {
        Path image = TestImages.write(tmp.resolve("a.jpg"), 64, 48);
        String json = """
                {"steps":[{"toolId":"resize","settings":{"width":99999}},{"toolId":"nope"},{"toolId":"info"}]}""";

        Result r = exec("run", "-p", pipeline(json).toString(), "-o", tmp.resolve("out").toString(), image.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("steps[0].settings.width: must be ≤ 16383")
                .contains("steps[1].toolId: unknown tool 'nope'")
                .contains("steps[2].toolId:")
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void missingInputIsAUsageErrorBeforeAnyWork() {
        Path image = TestImages.write(tmp.resolve("a.jpg"), 64, 48);
        Path out = tmp.resolve("out");

        Result r = exec("run", "-p", pipeline(RESIZE_100).toString(), "-o", out.toString(), image.toString(), tmp.resolve("nope.jpg").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("not found: ").contains("nope.jpg");
        assertThat(out).doesNotExist();
    }

    @Test
    void thePipelineCanComeFromStandardInput() {
        Path image = TestImages.write(tmp.resolve("a.jpg"), 300, 200);
        Path out = tmp.resolve("out");

        Result r = new CliHarness().stdin(RESIZE_100).run("run", "-p", "-", "-o", out.toString(), image.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertSize(out.resolve("a.jpg"), 100, 67);
    }

    @Test
    void missingPipelineFileIsAUsageError() {
        Path image = TestImages.write(tmp.resolve("a.jpg"), 64, 48);

        Result r = exec("run", "-p", tmp.resolve("none.json").toString(), "-o", tmp.resolve("out").toString(), image.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("pipeline file not found");
    }

    @Test
    void unsupportedAndCorruptFilesFailAloneWhileTheOthersAreProcessed() throws IOException {
        Path good = TestImages.write(tmp.resolve("good.jpg"), 120, 80);
        Path text = TestImages.text(tmp.resolve("readme.txt"), "hello, not pixels");
        Path truncated = tmp.resolve("truncated.jpg");
        byte[] full = Files.readAllBytes(TestImages.write(tmp.resolve("full.jpg"), 300, 200));
        Files.write(truncated, java.util.Arrays.copyOf(full, 200));
        Path out = tmp.resolve("out");

        Result r = exec("run", "-p", pipeline(RESIZE_100).toString(), "-o", out.toString(),
                text.toString(), truncated.toString(), good.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(names(out)).containsExactly("good.jpg");
        assertSize(out.resolve("good.jpg"), 100, 67);
        assertThat(r.err()).contains("FAILED").contains("readme.txt").contains("truncated.jpg")
                .contains("2 file(s) failed").doesNotContain("\tat ");
        assertThat(r.out()).contains("1 written, 2 failed");
    }

    @Test
    void conflictRenameKeepsBothOutputs() {
        Path image = TestImages.write(tmp.resolve("a.jpg"), 300, 200);
        Path out = tmp.resolve("out");
        String p = pipeline(RESIZE_100).toString();

        assertThat(exec("run", "-p", p, "-o", out.toString(), image.toString()).exitCode()).isZero();
        Result second = exec("run", "-p", p, "-o", out.toString(), "--conflict", "rename", image.toString());

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(names(out)).hasSize(2).contains("a.jpg");
    }

    @Test
    void conflictSkipLeavesTheExistingOutputAlone() {
        Path image = TestImages.write(tmp.resolve("a.jpg"), 300, 200);
        Path out = tmp.resolve("out");
        assertThat(exec("run", "-p", pipeline(RESIZE_100).toString(), "-o", out.toString(), image.toString()).exitCode()).isZero();
        String first = TestImages.sha256(out.resolve("a.jpg"));

        Result r = exec("run", "-p", pipeline(THREE_STEPS).toString(), "-o", out.toString(), "--conflict", "SKIP", image.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(names(out)).containsExactly("a.jpg");
        assertThat(TestImages.sha256(out.resolve("a.jpg"))).isEqualTo(first);
        assertThat(r.out()).contains("skipped").contains("0 written, 1 skipped");
    }

    @Test
    void conflictOverwriteReplacesTheExistingOutput() {
        Path image = TestImages.write(tmp.resolve("a.jpg"), 300, 200);
        Path out = tmp.resolve("out");
        assertThat(exec("run", "-p", pipeline(RESIZE_100).toString(), "-o", out.toString(), image.toString()).exitCode()).isZero();

        Result r = exec("run", "-p", pipeline(THREE_STEPS).toString(), "-o", out.toString(), "--conflict", "overwrite", image.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(names(out)).containsExactly("a.jpg");
        assertSize(out.resolve("a.jpg"), 133 + 20, 220);
    }

    @Test
    void unknownConflictPolicyIsAUsageError() {
        Path image = TestImages.write(tmp.resolve("a.jpg"), 30, 20);

        Result r = exec("run", "-p", pipeline(RESIZE_100).toString(), "-o", tmp.resolve("o").toString(), "--conflict", "merge", image.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'merge' is not one of rename, overwrite, skip");
    }

    @Test
    void nameTemplateShapesOutputNames() {
        Path image = TestImages.write(tmp.resolve("beach.jpg"), 300, 200);
        Path out = tmp.resolve("out");

        Result r = exec("run", "-p", pipeline(THREE_STEPS).toString(), "-o", out.toString(), "--name-template", "{name}-{tool}.{ext}", image.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(names(out)).containsExactly("beach-resize-rotate-border.jpg");
    }

    @Test
    void aBadNameTemplateIsAUsageErrorBeforeAnyWork() {
        Path image = TestImages.write(tmp.resolve("beach.jpg"), 30, 20);

        Result traversal = exec("run", "-p", pipeline(RESIZE_100).toString(), "-o", tmp.resolve("out").toString(), "-n", "../{name}.{ext}", image.toString());
        Result token = exec("run", "-p", pipeline(RESIZE_100).toString(), "-o", tmp.resolve("out").toString(), "-n", "{nmae}.{ext}", image.toString());

        assertThat(traversal.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(traversal.err()).contains("--name-template");
        assertThat(token.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(token.err()).contains("unknown token {nmae}");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void subfoldersNeedRecursiveAndTheOutputFolderIsNeverReadBack() {
        Path in = tmp.resolve("in");
        TestImages.write(in.resolve("top.jpg"), 200, 100);
        TestImages.write(in.resolve("2024/nested.jpg"), 200, 100);
        TestImages.write(in.resolve(".cache/hidden.jpg"), 200, 100);
        Path out = in.resolve("web");
        String p = pipeline(RESIZE_100).toString();

        Result flat = exec("run", "-p", p, "-o", out.toString(), in.toString());
        assertThat(flat.exitCode()).as(flat.toString()).isZero();
        assertThat(names(out)).containsExactly("top.jpg");
        assertThat(flat.err()).contains("subfolder(s) not searched; add --recursive");

        Result deep = exec("run", "-p", p, "-o", out.toString(), "--recursive", "--conflict", "overwrite", in.toString());
        assertThat(deep.exitCode()).as(deep.toString()).isZero();
        // web/top.jpg from the first run is not an input of the second; .cache is hidden.
        assertThat(names(out)).containsExactlyInAnyOrder("top.jpg", "nested.jpg");
        assertThat(deep.out()).contains("Done: 2 written");
    }

    @Test
    void theSameFileNamedTwiceIsProcessedOnce() {
        Path image = TestImages.write(tmp.resolve("a.jpg"), 200, 100);
        Path out = tmp.resolve("out");

        Result r = exec("run", "-p", pipeline(RESIZE_100).toString(), "-o", out.toString(), image.toString(), tmp.resolve("./a.jpg").toString(), tmp.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(names(out)).containsExactly("a.jpg");
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsAnIoError() {
        Path image = TestImages.write(tmp.resolve("a.jpg"), 30, 20);
        Path blocker = TestImages.text(tmp.resolve("file"), "x");

        Result r = exec("run", "-p", pipeline(RESIZE_100).toString(), "-o", blocker.resolve("out").toString(), image.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).contains("cannot create output folder").doesNotContain("\tat ");
    }

    @Test
    void aFolderWithoutImagesIsNothingToDo() {
        Path in = tmp.resolve("empty");
        TestImages.text(in.resolve("a.txt"), "x");

        Result r = exec("run", "-p", pipeline(RESIZE_100).toString(), "-o", tmp.resolve("out").toString(), in.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("nothing to do");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void jobsOutOfRangeIsAUsageError() {
        Path image = TestImages.write(tmp.resolve("a.jpg"), 30, 20);

        Result r = exec("run", "-p", pipeline(RESIZE_100).toString(), "-o", tmp.resolve("o").toString(), "-j", "-1", image.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--jobs must be between 0 and");
    }

    @Test
    void aTerminalGetsAProgressBarAndPipesGetPlainLines() {
        Path in = tmp.resolve("in");
        for (int i = 0; i < 3; i++) TestImages.write(in.resolve("img" + i + ".jpg"), 120, 90);
        String p = pipeline(RESIZE_100).toString();

        Result bar = new CliHarness().terminal(true).run("run", "-p", p, "-o", tmp.resolve("a").toString(), in.toString());
        Result plain = new CliHarness().terminal(false).run("run", "-p", p, "-o", tmp.resolve("b").toString(), in.toString());

        assertThat(bar.exitCode()).isZero();
        assertThat(bar.out()).contains("\r[########################] 3/3  100%").doesNotContain("[1/3] done");
        assertThat(plain.exitCode()).isZero();
        assertThat(plain.out()).doesNotContain("\r").contains("[1/3] done").contains("[3/3] done");
    }

    @Test
    void ctrlCBeforeTheFirstFileWritesNothingAndExits130() {
        Path in = tmp.resolve("in");
        for (int i = 0; i < 3; i++) TestImages.write(in.resolve("img" + i + ".jpg"), 120, 90);
        Path out = tmp.resolve("out");

        Result r = new CliHarness()
                .interruptHook(token -> {
                    token.cancel();
                    return () -> { };
                })
                .run("run", "-p", pipeline(RESIZE_100).toString(), "-o", out.toString(), in.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CANCELLED);
        assertThat(r.out()).contains("Cancelled: 0 written").contains("3 not processed");
        assertThat(names(out)).isEmpty();
    }

    @Test
    void ctrlCMidBatchStopsCleanlyWithOnlyCompleteFiles() throws Exception {
        Path in = tmp.resolve("in");
        for (int i = 0; i < 12; i++) TestImages.write(in.resolve("img" + i + ".png"), 900, 700);
        Path out = tmp.resolve("out");
        // Cancels as soon as the first finished result exists (not a hidden temp file), the way Ctrl-C would mid-run.
        Function<Path, Boolean> anyOutput = dir -> names(dir).stream().anyMatch(n -> !n.startsWith("."));
        Thread[] watcher = new Thread[1];

        Result r = new CliHarness()
                .interruptHook(token -> {
                    watcher[0] = Thread.ofPlatform().start(() -> {
                        while (!token.isCancelled()) {
                            if (Files.isDirectory(out) && anyOutput.apply(out)) token.cancel();
                            sleepBriefly();
                        }
                    });
                    return token::cancel;
                })
                .run("run", "-p", pipeline(THREE_STEPS).toString(), "-o", out.toString(), "--jobs", "1", in.toString());
        watcher[0].join(5_000);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CANCELLED);
        List<String> written = names(out);
        assertThat(written).isNotEmpty().hasSizeLessThan(12);
        // Every file present is a complete image; no temp files are left behind.
        for (String name : written) {
            assertThat(name).endsWith(".png").doesNotContain("snapotter-tmp");
            assertSize(out.resolve(name), 200 * 700 / 900 + 20, 220);
        }
        assertThat(r.out()).contains("Cancelled: " + written.size() + " written");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path pipeline(String json) {
        return TestImages.text(tmp.resolve("pipeline-" + Integer.toHexString(json.hashCode()) + ".json"), json);
    }

    /** File names in a folder, hidden ones included (a stray temp file must fail the tests). */
    static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> hashes(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toMap(Path::toString, TestImages::sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSize(Path file, int width, int height) {
        BufferedImage img = TestImages.read(file);
        assertThat(img.getWidth()).as("width of " + file.getFileName()).isCloseTo(width, org.assertj.core.data.Offset.offset(1));
        assertThat(img.getHeight()).as("height of " + file.getFileName()).isCloseTo(height, org.assertj.core.data.Offset.offset(1));
    }
}
