package dev.snapotter.desktop.ui;

import dev.snapotter.desktop.app.AppContext;
import dev.snapotter.desktop.app.AppDirs;
import dev.snapotter.desktop.logging.LogSetup;
import dev.snapotter.desktop.shell.MainWindow;
import dev.snapotter.desktop.task.FxUiThread;
import dev.snapotter.desktop.task.LaneTaskExecutor;
import dev.snapotter.engine.ImageEngine;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Starts the real app wiring (real engine, real lanes) in a temporary app-data folder. */
final class AppHarness {

    final Path home;
    final AppContext ctx;
    final MainWindow window;
    final List<Path> opened = new CopyOnWriteArrayList<>();
    /** Failures no task handled; every flow test asserts this stays empty. */
    final List<String> unhandled = new CopyOnWriteArrayList<>();

    /** Each test gets a fresh app-data folder, so no test sees another's remembered pipeline. */
    AppHarness(Stage stage) {
        try {
            this.home = Files.createTempDirectory("snapotter-ui-home");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        unhandled.clear();
        LogSetup.attachBuffer();
        ctx = new AppContext(new AppDirs(home), ImageEngine.createDefault(),
                new LaneTaskExecutor(new FxUiThread(), (name, e) -> unhandled.add(name + ": " + e)),
                opened::add, Duration.ofMillis(200), Duration.ofMillis(80));
        window = new MainWindow(stage, ctx);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    /** Fires a DRAG_DROPPED with a mocked Dragboard, as an OS file manager would (feasibility §2). */
    static void dropFiles(Node target, List<Path> files) throws Exception {
        Dragboard db = mock(Dragboard.class);
        when(db.hasFiles()).thenReturn(true);
        when(db.getFiles()).thenReturn(files.stream().map(Path::toFile).toList());
        DragEvent over = new DragEvent(DragEvent.DRAG_OVER, db, 200, 200, 200, 200, TransferMode.COPY, null, target, null);
        DragEvent drop = new DragEvent(DragEvent.DRAG_DROPPED, db, 200, 200, 200, 200, TransferMode.COPY, null, target, null);
        WaitForAsyncUtils.asyncFx(() -> {
            Event.fireEvent(target, over);
            Event.fireEvent(target, drop);
        }).get(5, TimeUnit.SECONDS);
    }



}
