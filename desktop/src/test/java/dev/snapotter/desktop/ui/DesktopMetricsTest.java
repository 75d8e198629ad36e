package dev.snapotter.desktop.ui;

import dev.snapotter.desktop.output.OutputMode;
import dev.snapotter.desktop.shell.PulseWatchdog;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Measured, not asserted (speed claims live in numbers, not in pass/fail): drop → first preview of a
 * 24 MP JPEG, and the longest FX-thread stall during a 100-image batch. Written to the log and to
 * {@code desktop-metrics.txt} in the build folder; docs/performance.md quotes them.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopMetricsTest {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopMetricsTest.class);

    @TempDir
    Path work;
    private AppHarness app;

    @Start
    void start(Stage stage) {
        app = new AppHarness(stage);
    }

    @Test
    void measureDropToPreviewAndBatchStall() throws Exception {
        var main = app.ctx.main();
        WaitForAsyncUtils.asyncFx(() -> main.pipeline().addTool("resize").field("width").valueProperty().set("1920")).get();
        Path big = TestImages.jpeg(work.resolve("big/24mp.jpg"), 6000, 4000, 7);

        long t0 = System.nanoTime();
        AppHarness.dropFiles(app.window.view(), List.of(big));
        await().atMost(Duration.ofSeconds(60)).until(() -> main.preview().afterProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        long dropToPreview = (System.nanoTime() - t0) / 1_000_000;

        List<Path> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) batch.add(TestImages.jpeg(work.resolve("batch/p" + i + ".jpg"), 1024, 683, i));
        WaitForAsyncUtils.asyncFx(() -> {
            main.queue().clear();
            main.output().modeProperty().set(OutputMode.FOLDER);
            main.output().folderProperty().set(work.resolve("out").toString());
            main.pipeline().steps().getFirst().field("width").valueProperty().set("640");
        }).get();
        AppHarness.dropFiles(app.window.view(), batch);
        await().atMost(Duration.ofSeconds(60)).until(() -> main.queue().items().size() == 100);
        PulseWatchdog watchdog = new PulseWatchdog();
        long t1 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> {
            watchdog.start();
            main.run().start();
        }).get();
        await().atMost(Duration.ofMinutes(5)).until(() -> !main.run().runningProperty().get());
        long stall = WaitForAsyncUtils.asyncFx(watchdog::stop).get();
        long batchMs = (System.nanoTime() - t1) / 1_000_000;

        String lines = String.format("drop-to-first-preview-24mp-ms=%d%nbatch-100x0.7mp-longest-fx-stall-ms=%d%nbatch-100x0.7mp-total-ms=%d%n",
                dropToPreview, stall, batchMs);
        LOG.info("Desktop metrics (headless Monocle, software rendering):\n{}", lines);
        Path file = Path.of(System.getProperty("snapotter.perf.out", "target/desktop-metrics.txt"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
