package dev.snapotter.desktop.ai;

import dev.snapotter.desktop.task.TaskExecutor;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;

/**
 * The AI panel in its own window (View › AI features…): the bundles of this computer (Local-engine mode) or of the
 * server the editor works with (local container or remote), as the {@link BundleManager} says; the title names which.
 */
public final class AiPanelWindow {

    private final Stage stage = new Stage();
    private final AiPanelViewModel vm;

    public AiPanelWindow(Window owner, BundleManager bundles, TaskExecutor executor) {
        vm = new AiPanelViewModel(bundles, executor);
        AiPanelView view = new AiPanelView(vm);
        stage.initOwner(owner);
        stage.setTitle(title(bundles));
        Scene scene = new Scene(view, 720, 400);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
    }

    /** "AI features on this computer" or "AI features on the server at …". */
    public static String title(BundleManager bundles) {
        return "AI features on " + bundles.place();
    }

    public AiPanelViewModel viewModel() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    /** Shows the panel and installs a bundle file (dropped on the main window). */
    public void install(Path bundle) {
        show();
        vm.installFile(bundle);
    }

    public void close() {
        stage.close();
    }
}
