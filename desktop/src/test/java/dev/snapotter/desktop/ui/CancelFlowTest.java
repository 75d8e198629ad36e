package dev.snapotter.desktop.ui;

import dev.snapotter.desktop.output.OutputMode;
import dev.snapotter.desktop.queue.ItemStatus;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Cancel mid-batch: the run stops, and whatever is in the output folder is a complete image. */
@ExtendWith(ApplicationExtension.class)
class CancelFlowTest {

    @TempDir
    Path work;
    private AppHarness app;

    @Start
    void start(Stage stage) {
        app = new AppHarness(stage);
    }

    @Test
    void cancelMidBatchLeavesNoPartialFile(FxRobot robot) throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < 24; i++) inputs.add(TestImages.jpeg(work.resolve("in/img-" + i + ".jpg"), 2400, 1600, i));
        Path out = work.resolve("out");
        WaitForAsyncUtils.asyncFx(() -> {
            app.ctx.main().pipeline().addTool("resize").field("width").valueProperty().set("1200");
            app.ctx.main().pipeline().addTool("sharpening");
            app.ctx.main().output().modeProperty().set(OutputMode.FOLDER);
            app.ctx.main().output().folderProperty().set(out.toString());
        }).get();
        AppHarness.dropFiles(app.window.view(), inputs);
        await().atMost(Duration.ofSeconds(30)).until(() -> app.ctx.main().queue().items().size() == inputs.size());

        robot.clickOn("#run-button");
        await().atMost(Duration.ofSeconds(60)).until(() -> app.ctx.main().queue().items().stream().anyMatch(i -> i.status() == ItemStatus.DONE));
        robot.clickOn("#cancel-button");
        await().atMost(Duration.ofSeconds(60)).until(() -> !app.ctx.main().run().runningProperty().get());

        assertThat(app.ctx.main().run().statusProperty().get()).startsWith("Cancelled");
        long done = app.ctx.main().queue().items().stream().filter(i -> i.status() == ItemStatus.DONE).count();
        assertThat(done).isLessThan(inputs.size());
        assertThat(app.ctx.main().queue().items()).anyMatch(i -> i.status() == ItemStatus.CANCELLED);
        try (Stream<Path> files = Files.list(out)) {
            List<Path> written = files.toList();
            assertThat(written).as("every file in the output folder is a finished output").hasSize((int) done);
            for (Path f : written) {
                assertThat(f.getFileName().toString()).doesNotStartWith(".").doesNotEndWith(".tmp").doesNotEndWith(".part");
                BufferedImage img = ImageIO.read(f.toFile());
                assertThat(img).as("complete image " + f.getFileName()).isNotNull();
                assertThat(img.getWidth()).isEqualTo(1200);
                assertThat(img.getHeight()).isEqualTo(800);
            }
        }
        assertThat(app.unhandled).isEmpty();
    }
}
