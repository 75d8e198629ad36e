package dev.snapotter.desktop.ai;

import dev.snapotter.desktop.app.AppDirs;
import dev.snapotter.desktop.task.TaskExecutor;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The AI panel in its own window (View › AI features…), for Local-engine mode. */
public final class AiPanelWindow {

    private final Stage stage = new Stage();

    public AiPanelWindow(Window owner, AppDirs dirs, TaskExecutor executor) {
        LocalAi ai = LocalAi.of(dirs);
        AiPanelView view = new AiPanelView(new AiPanelViewModel(ai::installer, ShippedBundles.detect(), executor));
        stage.initOwner(owner);
        stage.setTitle("AI features");
        Scene scene = new Scene(view, 720, 380);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
