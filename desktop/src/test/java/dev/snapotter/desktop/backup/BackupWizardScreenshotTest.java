package dev.snapotter.desktop.backup;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard's Restore tab for a REAL archive file (checked by the real verifier; Docker is scripted): the summary
 * of what it holds and what it replaces, the explicit confirmation gating the Restore button, the result with
 * the rollback explanation. Saves docs/images/backup-wizard.png.
 */
@ExtendWith(ApplicationExtension.class)
class BackupWizardScreenshotTest {

    private final List<Throwable> unhandled = new ArrayList<>();
    private final FakeBackupPort port = new FakeBackupPort();
    private Stage stage;
    private RestoreViewModel restore;
    private BackupWizardView view;
    private Path appDir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        appDir = Files.createTempDirectory("snapotter-backup-wizard-");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        DirectTaskExecutor executor = new DirectTaskExecutor((n, e) -> unhandled.add(e));
        restore = new RestoreViewModel(port, executor, ZoneOffset.UTC);
        BackupScheduler scheduler = new BackupScheduler(port, executor, Clock.systemUTC(), line -> { });
        view = new BackupWizardView(new BackupNowViewModel(port, executor, Clock.systemUTC()), restore,
                new ScheduleViewModel(new BackupScheduleStore(appDir.resolve(BackupScheduleStore.FILE_NAME)), scheduler, executor),
                new HistoryViewModel(port, executor));
        stage.setScene(new Scene(view, 760, 660));
        stage.show();
    }

    @Test
    void restoreSummaryOfARealArchiveConfirmAndScreenshot(FxRobot robot) throws Exception {
        Path archive = TestArchives.write(appDir, "snapotter-backup-20261125-101500.tar.gz", null);
        WaitForAsyncUtils.asyncFx(() -> {
            view.select("tab-restore");
            restore.choose(archive);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        String summary = robot.lookup("#restore-summary").queryAs(Label.class).getText();
        assertThat(summary).contains("3 users").contains("2 saved pipelines").contains("Every file matches its checksum");
        assertThat(robot.lookup("#restore-replaces").queryAs(Label.class).getText())
                .contains("Restoring replaces the data of the container 'snapotter'");
        Button go = robot.lookup("#restore-start").queryAs(Button.class);
        assertThat(go.isDisabled()).as("no restore without the explicit confirmation").isTrue();
        robot.clickOn("#restore-confirm");
        assertThat(go.isDisabled()).isFalse();
        save(stage, docsImages().resolve("backup-wizard.png"));

        robot.clickOn("#restore-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(port.calls).contains("restore snapotter-backup-20261125-101500.tar.gz");
        assertThat(robot.lookup("#restore-result").queryAs(Label.class).getText()).startsWith("Restored.");
        assertThat(unhandled).isEmpty();
    }

    @org.junit.jupiter.api.AfterEach
    void deleteTempFiles() throws Exception {
        try (var files = Files.walk(appDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Path docsImages() {
        return Path.of(System.getProperty("snapotter.docs.images", "../docs/images"));
    }

    private static void save(Stage stage, Path file) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        ImageIO.write(out, "png", tmp.toFile());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
