package dev.snapotter.desktop.backup;

import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.desktop.app.AppDirs;
import dev.snapotter.desktop.server.ServerControl;
import dev.snapotter.desktop.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup wizard's window (Server window › Backups…). Created once per app run: its scheduler runs from then
 * on while the app is open (hiding the window does not stop it) and is stopped by {@link #close()} with the app.
 */
public final class BackupWindow implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupWindow.class);

    private final Stage stage = new Stage();
    private final BackupScheduler scheduler;
    private final DockerBackupPort port;
    private final BackupWizardView view;

    public BackupWindow(Window owner, AppDirs dirs, ServerControl control, TaskExecutor executor) {
        Path root = dirs.root();
        port = new DockerBackupPort(control, new ApiKeyStore(root.resolve(ApiKeyStore.FILE_NAME)),
                root.resolve("safety-backups"));
        Clock clock = Clock.systemDefaultZone();
        BackupNowViewModel now = new BackupNowViewModel(port, executor, clock);
        RestoreViewModel restore = new RestoreViewModel(port, executor, ZoneId.systemDefault());
        HistoryViewModel history = new HistoryViewModel(port, executor);
        scheduler = new BackupScheduler(port, executor, clock, line -> {
            LOG.info("{}", line);
            history.refresh();
        });
        ScheduleViewModel schedule = new ScheduleViewModel(new BackupScheduleStore(root.resolve(BackupScheduleStore.FILE_NAME)),
                scheduler, executor);
        schedule.activate();
        now.destinationProperty().addListener((o, a, b) -> history.folderProperty().set(b));
        now.onBackupDone(history::refresh);
        view = new BackupWizardView(now, restore, schedule, history);
        stage.initOwner(owner);
        stage.setTitle("Backups");
        Scene scene = new Scene(view, 760, 640);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    @Override
    public void close() {
        scheduler.close();
        stage.hide();
        try {
            port.close();
        } catch (java.io.IOException e) {
            LOG.debug("Closing the Docker client: {}", e.toString());
        }
    }
}
