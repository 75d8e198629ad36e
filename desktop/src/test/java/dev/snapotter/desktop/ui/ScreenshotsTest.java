package dev.snapotter.desktop.ui;

import dev.snapotter.desktop.support.FxSnapshots;
import dev.snapotter.desktop.settings.Theme;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Saves the screenshots docs/user-guide.md shows, from the real UI in its main states. */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    @TempDir
    Path work;
    private AppHarness app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new AppHarness(stage);
    }

    @Test
    void saveTheMainScreens(FxRobot robot) throws Exception {
        Path out = FxSnapshots.docsImages();
        FxSnapshots.save(stage, out.resolve("empty-window.png"));

        List<Path> photos = new ArrayList<>();
        String[] names = {"harbour.jpg", "meadow.jpg", "sunset.png", "ridge.jpg", "lake.png", "dunes.jpg"};
        for (int i = 0; i < names.length; i++) {
            photos.add(names[i].endsWith(".png") ? TestImages.png(work.resolve(names[i]), 1600, 1067, i + 2)
                    : TestImages.jpeg(work.resolve(names[i]), 1600, 1067, i + 2));
        }
        Files.writeString(work.resolve("notes.txt"), "x");
        photos.add(work.resolve("notes.txt"));
        var main = app.ctx.main();
        AppHarness.dropFiles(app.window.view(), photos);
        await().atMost(Duration.ofSeconds(30)).until(() -> main.queue().items().size() == 6
                && main.queue().items().stream().allMatch(i -> i.thumbnailProperty().get() != null));
        WaitForAsyncUtils.asyncFx(() -> {
            var resize = main.pipeline().addTool("resize");
            resize.field("width").valueProperty().set("1200");
            var colours = main.pipeline().addTool("adjust-colors");
            colours.field("saturation").valueProperty().set("40");
            colours.field("contrast").valueProperty().set("15");
            main.pipeline().addTool("border").field("borderWidth").valueProperty().set("24");
        }).get();
        int renders = main.preview().rendersProperty().get();
        await().atMost(Duration.ofSeconds(30)).until(() -> main.preview().rendersProperty().get() > renders
                && main.preview().afterProperty().get() != null && !main.preview().renderingProperty().get());
        WaitForAsyncUtils.sleep(600, java.util.concurrent.TimeUnit.MILLISECONDS); // let the notice slide in
        FxSnapshots.save(stage, out.resolve("main-window.png"));

        robot.lookup("#side-tabs").queryAs(TabPane.class);
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#side-tabs").queryAs(TabPane.class).getSelectionModel().select(1)).get();
        WaitForAsyncUtils.waitForFxEvents();
        FxSnapshots.save(stage, out.resolve("output-settings.png"));

        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#side-tabs").queryAs(TabPane.class).getSelectionModel().select(0);
            main.pipeline().steps().getFirst().field("width").valueProperty().set("99999");
            main.themeProperty().set(Theme.DARK);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        FxSnapshots.save(stage, out.resolve("validation-dark.png"));

        WaitForAsyncUtils.asyncFx(() -> {
            main.pipeline().steps().getFirst().field("width").valueProperty().set("1200");
            main.themeProperty().set(Theme.LIGHT);
        }).get();
        assertThat(Files.size(out.resolve("main-window.png"))).isGreaterThan(10_000);
        assertThat(app.unhandled).isEmpty();
    }
}
