package dev.snapotter.desktop.app;

import dev.snapotter.desktop.instance.SingleInstance;
import dev.snapotter.desktop.run.SystemFolderOpener;
import dev.snapotter.desktop.shell.MainWindow;
import dev.snapotter.desktop.shell.PulseWatchdog;
import dev.snapotter.desktop.task.FxUiThread;
import dev.snapotter.desktop.task.LaneTaskExecutor;
import dev.snapotter.engine.ImageEngine;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The JavaFX application: builds the context, shows the window, and tears both down on exit. */
public final class SnapOtterApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SnapOtterApp.class);
    public static final Duration SETTINGS_DEBOUNCE = Duration.ofSeconds(1);
    public static final Duration PREVIEW_DEBOUNCE = Duration.ofMillis(120);

    private AppContext ctx;
    private SingleInstance instance;
    private AppDirs dirs;
    private ImageEngine localEngine;

    /**
     * Runs on the JavaFX launcher thread, before {@link #start}: the local engine loads the system libvips (native
     * library, its modules, the saver set) and ImageIO's plug-ins, which is disk work the FX thread must not do.
     */
    @Override
    public void init() {
        LaunchState launch = LaunchState.get();
        dirs = launch != null ? launch.dirs() : AppDirs.detect();
        // Local engine = built-in tools + AI tools whose bundles live in the app-data folder (AI panel).
        localEngine = dev.snapotter.desktop.ai.LocalAi.of(dirs).engine();
    }

    @Override
    public void start(Stage stage) {
        LaunchState launch = LaunchState.get();
        instance = launch != null ? launch.instance() : null;
        List<String> files = launch != null ? launch.files() : getParameters().getRaw();

        ErrorSinkHolder errors = new ErrorSinkHolder();
        LaneTaskExecutor executor = new LaneTaskExecutor(new FxUiThread(), errors);
        ctx = new AppContext(dirs, localEngine, executor, new SystemFolderOpener(),
                SETTINGS_DEBOUNCE, PREVIEW_DEBOUNCE);
        errors.attach(ctx.main().notices());
        MainWindow window = new MainWindow(stage, ctx);
        installWatchdog();
        stage.setOnShown(e -> {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("metric cold-start-to-window-ms={}", ms);
            if (Boolean.getBoolean("snapotter.exitAfterStartup")) Platform.runLater(stage::close);
        });
        stage.show();
        if (instance != null) instance.listen(handed -> Platform.runLater(() -> window.handOver(toPaths(handed))));
        if (!files.isEmpty()) ctx.main().addFiles(toPaths(files));
    }

    private void installWatchdog() {
        PulseWatchdog watchdog = new PulseWatchdog();
        ctx.main().run().runningProperty().addListener((o, was, running) -> {
            if (running) {
                watchdog.start();
            } else {
                LOG.info("metric batch-longest-fx-stall-ms={} files={}", watchdog.stop(), ctx.main().queue().items().size());
            }
        });
    }

    private static List<Path> toPaths(List<String> raw) {
        return raw.stream().filter(s -> !s.startsWith("-")).map(Path::of).toList();
    }

    @Override
    public void stop() {
        if (ctx != null) ctx.close();
        if (instance != null) instance.close();
        LOG.info("SnapOtter stopped");
    }
}
