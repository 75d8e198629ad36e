package dev.snapotter.desktop.ui;

import dev.snapotter.desktop.queue.QueueItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(ApplicationExtension.class)
class DropFolderFlowTest {

    @TempDir
    Path photos;
    private AppHarness app;
    private final List<List<Path>> asked = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        app = new AppHarness(stage);
        app.ctx.setSubfolderAsker(folders -> {
            asked.add(folders);
            return false;
        });
    }

    @Test
    void droppingAFolderFillsTheQueueAndNamesTheSkippedFiles(FxRobot robot) throws Exception {
        TestImages.png(photos.resolve("beach.png"), 320, 200, 1);
        TestImages.jpeg(photos.resolve("forest.jpg"), 320, 200, 2);
        TestImages.png(photos.resolve("hills.png"), 200, 320, 3);
        Files.writeString(photos.resolve("readme.txt"), "not an image");
        Files.writeString(photos.resolve("song.mp3"), "not an image either");
        TestImages.png(photos.resolve("nested/deeper.png"), 100, 100, 4);

        AppHarness.dropFiles(app.window.view(), List.of(photos));

        await().atMost(Duration.ofSeconds(20)).until(() -> app.ctx.main().queue().items().size() == 3);
        assertThat(asked).containsExactly(List.of(photos));
        assertThat(app.ctx.main().queue().items()).extracting(QueueItem::name).containsExactly("beach.png", "forest.jpg", "hills.png");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.window.view().notifications().isShowing());
        assertThat(app.window.view().notifications().getText())
                .contains("Skipped 2 unsupported files").contains("readme.txt").contains("song.mp3");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.ctx.main().queue().items().stream()
                .allMatch(i -> i.thumbnailProperty().get() != null));
        await().atMost(Duration.ofSeconds(20)).until(() -> app.ctx.main().preview().beforeProperty().get() != null);
        assertThat(robot.lookup("#queue-list").queryListView().getItems()).hasSize(3);
        assertThat(app.unhandled).isEmpty();
    }
}
