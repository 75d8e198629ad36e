package dev.snapotter.desktop.ui;

import dev.snapotter.desktop.output.OutputMode;
import dev.snapotter.desktop.queue.ItemStatus;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The everyday flow through the UI: queue, two-step pipeline, inline validation, run, results. */
@ExtendWith(ApplicationExtension.class)
class PipelineRunFlowTest {

    @TempDir
    Path work;
    private AppHarness app;

    @Start
    void start(Stage stage) {
        app = new AppHarness(stage);
    }

    @Test
    void aTwoStepPipelineBuiltInTheUiWritesTheExpectedImages(FxRobot robot) throws Exception {
        List<Path> inputs = List.of(TestImages.png(work.resolve("in/a.png"), 400, 300, 1),
                TestImages.jpeg(work.resolve("in/b.jpg"), 400, 300, 2), TestImages.png(work.resolve("in/c.png"), 400, 300, 3));
        AppHarness.dropFiles(app.window.view(), inputs);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.ctx.main().queue().items().size() == 3);

        robot.clickOn("#add-tool").clickOn(toolName("resize"));
        robot.clickOn("#field-0-width").write("200");
        robot.clickOn("#add-tool").clickOn(toolName("rotate"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.ctx.main().pipeline().steps()).extracting(s -> s.tool().id()).containsExactly("resize", "rotate");
        robot.doubleClickOn("#field-1-angle").eraseText(3).write("90");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.ctx.main().pipeline().isValid()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> app.ctx.main().preview().afterProperty().get() != null);

        Path out = work.resolve("out");
        WaitForAsyncUtils.asyncFx(() -> {
            app.ctx.main().output().modeProperty().set(OutputMode.FOLDER);
            app.ctx.main().output().folderProperty().set(out.toString());
        }).get();
        robot.clickOn("#run-button");
        await().atMost(Duration.ofSeconds(60)).until(() -> !app.ctx.main().run().runningProperty().get()
                && app.ctx.main().run().statusProperty().get().startsWith("Done"));

        assertThat(app.ctx.main().queue().items()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.DONE));
        try (Stream<Path> files = Files.list(out)) {
            List<Path> written = files.sorted().toList();
            assertThat(written).hasSize(3);
            for (Path f : written) {
                BufferedImage img = ImageIO.read(f.toFile());
                assertThat(img).as(f.toString()).isNotNull();
                assertThat(img.getWidth()).as("width of " + f.getFileName()).isEqualTo(150);
                assertThat(img.getHeight()).as("height of " + f.getFileName()).isEqualTo(200);
            }
        }
        Button open = robot.lookup("#open-output").queryAs(Button.class);
        assertThat(open.isVisible()).isTrue();
        robot.interact(open::fire);
        await().atMost(Duration.ofSeconds(10)).until(() -> !app.opened.isEmpty());
        assertThat(app.opened).containsExactly(out.toAbsolutePath().normalize());
        assertThat(app.unhandled).isEmpty();
    }

    private String toolName(String id) {
        return app.ctx.main().pipeline().descriptor(id).orElseThrow().name();
    }

    @Test
    void anInvalidSettingShowsItsInlineErrorAndDisablesRun(FxRobot robot) throws Exception {
        AppHarness.dropFiles(app.window.view(), List.of(TestImages.png(work.resolve("x.png"), 64, 48, 5)));
        await().atMost(Duration.ofSeconds(20)).until(() -> app.ctx.main().queue().items().size() == 1);

        robot.clickOn("#add-tool").clickOn(toolName("resize"));
        Label widthError = robot.lookup("#error-0-width").queryAs(Label.class);
        Button run = robot.lookup("#run-button").queryAs(Button.class);
        assertThat(widthError.isVisible()).isTrue();
        assertThat(widthError.getText()).isEqualTo("set width, height or percentage");
        assertThat(run.isDisabled()).isTrue();

        robot.clickOn("#field-0-width").write("99999");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(widthError.getText()).isEqualTo("must be ≤ 16383");
        assertThat(run.isDisabled()).isTrue();
        assertThat(robot.lookup("#run-blocked-reason").queryAs(Label.class).getText()).isEqualTo("Fix the highlighted settings.");

        robot.doubleClickOn("#field-0-width").eraseText(5).write("32");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(widthError.isVisible()).isFalse();
        assertThat(run.isDisabled()).isFalse();
        assertThat(app.unhandled).isEmpty();
    }
}
