package dev.snapotter.desktop.backup;

import dev.snapotter.desktop.support.FxSnapshots;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
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
        FxSnapshots.save(stage, FxSnapshots.docsImages().resolve("backup-wizard.png"));

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


}
