package dev.snapotter.desktop.shell;

import dev.snapotter.desktop.ai.AiPanelWindow;
import dev.snapotter.desktop.ai.BundleManager;
import dev.snapotter.desktop.ai.LocalAi;
import dev.snapotter.desktop.ai.LocalBundles;
import dev.snapotter.desktop.ai.ServerBundles;
import dev.snapotter.desktop.ai.ShippedBundles;
import dev.snapotter.desktop.backend.BackendUnavailableException;
import dev.snapotter.desktop.backend.ProcessingBackend;
import dev.snapotter.desktop.backend.ServerBackend;
import dev.snapotter.desktop.app.AppContext;
import dev.snapotter.desktop.backup.BackupScheduleStore;
import dev.snapotter.desktop.backup.BackupWindow;
import dev.snapotter.desktop.logging.Diagnostics;
import dev.snapotter.desktop.logging.LogBuffer;
import dev.snapotter.desktop.server.ServerWindow;
import dev.snapotter.desktop.settings.WindowGeometry;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;

import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The main Stage: menus with keyboard shortcuts, file dialogs, the sub-folder question, window
 * geometry (restored on start, saved when moved or closed), theme, log window and diagnostics.
 */
public final class MainWindow implements ShellActions {

    private final Stage stage;
    private final AppContext ctx;
    private final MainViewModel vm;
    private final MenuBar menuBar = new MenuBar();
    private final Menu recentMenu = new Menu("Recent presets");
    private final MainView view;
    private LogWindow logWindow;
    private ServerWindow serverWindow;

    public MainWindow(Stage stage, AppContext ctx) {
        this.stage = stage;
        this.ctx = ctx;
        this.vm = ctx.main();
        buildMenus();
        view = new MainView(vm, this);
        Scene scene = new Scene(view);
        ThemeManager.apply(vm.themeProperty().get(), scene);
        vm.themeProperty().addListener((o, a, t) -> ThemeManager.apply(t, scene));
        stage.setScene(scene);
        stage.setTitle("SnapOtter");
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        restoreGeometry();
        trackGeometry();
        ctx.setSubfolderAsker(this::askSubfolders);
        vm.preview().proxySideProperty().set(proxySide());
        startBackupScheduleIfEnabled();
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            if (backups != null) backups.close();
        });
    }

    /**
     * A saved schedule must run from launch, not only once the Backups window was opened: its scheduler lives in
     * the (hidden) window, created here when the schedule file says it is enabled. The file is read off the FX thread.
     */
    private void startBackupScheduleIfEnabled() {
        Path file = ctx.dirs().root().resolve(BackupScheduleStore.FILE_NAME);
        ctx.executor().execute(Lane.IO, BackgroundTask.of("read the backup schedule",
                        c -> new BackupScheduleStore(file).load().enabled())
                .onSuccess(enabled -> {
                    if (enabled && backups == null) {
                        backups = new BackupWindow(stage, ctx.dirs(), ctx.server().control(), ctx.executor());
                    }
                }));
    }

    public MainView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }

    /** Screen-sized proxy: the longer screen side, capped so a render stays well under a few hundred ms. */
    private static int proxySide() {
        Rectangle2D b = Screen.getPrimary().getVisualBounds();
        return (int) Math.clamp(Math.max(b.getWidth(), b.getHeight()), 800, 2048);
    }

    private void buildMenus() {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("Add images…", "Shortcut+O", this::openFiles),
                item("Add folder…", "Shortcut+Shift+O", this::openFolder),
                new SeparatorMenuItem(),
                item("Open preset…", "Shortcut+I", this::importPreset),
                item("Save preset as…", "Shortcut+S", this::exportPreset),
                recentMenu,
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", stage::close));
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(
                item("Add tool", "Shortcut+T", () -> view.pipeline().addToolButton().show()),
                item("Clear queue", "Shortcut+Shift+BACK_SPACE", vm.queue()::clear),
                item("Clear pipeline", null, vm.pipeline()::clear));
        Menu viewMenu = new Menu("_View");
        viewMenu.getItems().addAll(
                item("Zoom in", "Shortcut+EQUALS", () -> view.preview().zoomIn()),
                item("Zoom out", "Shortcut+MINUS", () -> view.preview().zoomOut()),
                item("Fit", "Shortcut+DIGIT0", () -> view.preview().fit()),
                new SeparatorMenuItem(),
                item("Light / dark theme", "Shortcut+Shift+L", vm::toggleTheme),
                item("Log", "Shortcut+L", this::showLog),
                item("Server…", "Shortcut+Shift+S", this::showServer),
                item("AI features…", null, this::showAiPanel),
                item("Backups…", null, this::showBackups));
        Menu run = new Menu("_Run");
        MenuItem runItem = item("Run", "Shortcut+ENTER", vm.run()::start);
        runItem.disableProperty().bind(vm.run().canRunProperty().not());
        MenuItem cancelItem = item("Cancel", "Shortcut+PERIOD", vm.run()::cancel);
        cancelItem.disableProperty().bind(vm.run().runningProperty().not());
        run.getItems().addAll(runItem, cancelItem, item("Open output folder", null, vm.run()::openOutputFolder));
        Menu help = new Menu("_Help");
        help.getItems().addAll(item("Save diagnostics…", null, this::saveDiagnostics), item("Keyboard shortcuts", "F1", this::showShortcuts),
                item("About SnapOtter", null, this::showAbout));
        menuBar.getMenus().addAll(file, edit, viewMenu, run, help);
        vm.presets().recent().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
    }

    private void rebuildRecent() {
        recentMenu.getItems().setAll(vm.presets().recent().stream().map(p -> item(p.getFileName().toString(), null,
                () -> vm.presets().importFrom(p))).toList());
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) i.setAccelerator(KeyCombination.keyCombination(accelerator));
        i.setOnAction(e -> action.run());
        return i;
    }

    @Override
    public MenuBar menuBar() {
        return menuBar;
    }

    @Override
    public void openFiles() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Add images");
        initialDir().ifPresent(fc::setInitialDirectory);
        List<File> files = fc.showOpenMultipleDialog(stage);
        if (files != null) vm.addFiles(files.stream().map(File::toPath).toList());
    }

    @Override
    public void openFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Add a folder");
        initialDir().ifPresent(dc::setInitialDirectory);
        File dir = dc.showDialog(stage);
        if (dir != null) vm.addFiles(List.of(dir.toPath()));
    }

    @Override
    public Path chooseOutputFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Output folder");
        initialDir().ifPresent(dc::setInitialDirectory);
        File dir = dc.showDialog(stage);
        return dir == null ? null : dir.toPath();
    }

    private java.util.Optional<File> initialDir() {
        String last = ctx.settings().get().lastDirectory();
        return last.isBlank() || !Files.isDirectory(Path.of(last)) ? java.util.Optional.empty() : java.util.Optional.of(new File(last));
    }

    private void importPreset() {
        FileChooser fc = presetChooser("Open preset");
        File f = fc.showOpenDialog(stage);
        if (f != null) vm.presets().importFrom(f.toPath());
    }

    private void exportPreset() {
        FileChooser fc = presetChooser("Save preset");
        fc.setInitialFileName(vm.presets().currentNameProperty().get() + ".json");
        File f = fc.showSaveDialog(stage);
        if (f != null) vm.presets().exportTo(f.toPath());
    }

    private FileChooser presetChooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("SnapOtter preset or pipeline (*.json)", "*.json"));
        Path dir = ctx.dirs().presetDir();
        try {
            Files.createDirectories(dir);
            fc.setInitialDirectory(dir.toFile());
        } catch (java.io.IOException e) {
            // no preset folder: the dialog starts wherever the platform likes
        }
        return fc;
    }

    private boolean askSubfolders(List<Path> folders) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(stage);
        a.setTitle("Include sub-folders?");
        a.setHeaderText(folders.size() == 1 ? "“" + folders.getFirst().getFileName() + "” contains sub-folders."
                : "Some of the dropped folders contain sub-folders.");
        a.setContentText("Add the images inside the sub-folders too?");
        ButtonType include = new ButtonType("Include sub-folders", ButtonBar.ButtonData.YES);
        ButtonType only = new ButtonType("Only this folder", ButtonBar.ButtonData.NO);
        a.getButtonTypes().setAll(include, only);
        CheckBox remember = new CheckBox("Remember my choice");
        a.getDialogPane().setExpandableContent(null);
        a.getDialogPane().setGraphic(null);
        a.getDialogPane().setContent(new javafx.scene.layout.VBox(10, new javafx.scene.control.Label(a.getContentText()), remember));
        boolean yes = a.showAndWait().orElse(only) == include;
        if (remember.isSelected()) ctx.rememberSubfolderChoice(yes);
        return yes;
    }

    private AiPanelWindow aiPanel;

    private void showAiPanel() {
        aiPanelForActiveBackend().show();
    }

    /**
     * The AI panel for where the editor works now: the server's bundles when the active backend is a server (local
     * container or remote), this computer's otherwise. Switching backends gives a new panel the next time it opens.
     */
    private AiPanelWindow aiPanelForActiveBackend() {
        BundleManager bundles = bundleManager(vm.backends().active());
        if (aiPanel != null && !aiPanel.viewModel().bundles().place().equals(bundles.place())) {
            aiPanel.close();
            aiPanel = null;
        }
        if (aiPanel == null) aiPanel = new AiPanelWindow(stage, bundles, ctx.executor());
        return aiPanel;
    }

    private BundleManager bundleManager(ProcessingBackend active) {
        if (active instanceof ServerBackend sb) {
            String address = sb.api().map(a -> a.base().toString().replaceAll("/+$", "")).orElse(sb.describe());
            return new ServerBundles(() -> sb.api().orElseThrow(() -> new BackendUnavailableException(
                    sb.unavailableReason().orElse(sb.kind().label() + " is not connected"))), address, ShippedBundles.detect());
        }
        return new LocalBundles(LocalAi.of(ctx.dirs())::installer, ShippedBundles.detect());
    }

    /** The AI panel, once opened (tests). */
    public java.util.Optional<AiPanelWindow> aiPanel() {
        return java.util.Optional.ofNullable(aiPanel);
    }

    /** Bundle files dropped on the main window: the AI panel opens and installs the first (one install at a time). */
    @Override
    public void installBundles(List<Path> bundles) {
        if (bundles.isEmpty()) return;
        if (bundles.size() > 1) {
            vm.notices().warn("One AI bundle at a time", "Installing " + bundles.getFirst().getFileName()
                    + "; drop the others once it is done.");
        }
        aiPanelForActiveBackend().install(bundles.getFirst());
    }

    private BackupWindow backups;

    /** Backup, restore, schedule (issue 7); created once, so its schedule keeps running while the app is open. */
    private void showBackups() {
        if (backups == null) {
            backups = new BackupWindow(stage, ctx.dirs(), ctx.server().control(), ctx.executor());
        }
        backups.show();
    }

    private void showServer() {
        if (serverWindow == null) serverWindow = new ServerWindow(stage, ctx.server());
        serverWindow.show();
    }

    private void showLog() {
        if (logWindow == null) logWindow = new LogWindow(stage, this::saveDiagnostics);
        logWindow.show();
    }

    private void saveDiagnostics() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save diagnostics");
        fc.setInitialFileName("snapotter-diagnostics-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip");
        File f = fc.showSaveDialog(stage);
        if (f == null) return;
        Map<String, String> facts = Map.of("backend", vm.backends().active().kind().label(),
                "codec", ctx.localBackend().engine().codec().name() + " " + ctx.localBackend().engine().codec().version(),
                "javafx", System.getProperty("javafx.runtime.version", "?"),
                "app data", ctx.dirs().root().toString());
        List<String> lines = LogBuffer.shared().snapshot();
        ctx.executor().execute(Lane.IO, BackgroundTask.action("save diagnostics",
                        c -> Diagnostics.write(f.toPath(), facts, ctx.settings().file(), lines))
                .onSuccess(v -> vm.notices().info("Diagnostics saved", f.toString()))
                .onFailure(e -> vm.notices().error("Could not save diagnostics", e.getMessage())));
    }

    /** Version and the image engine's active codec backend (libvips via FFM, or pure Java when libvips is missing). */
    private void showAbout() {
        var codec = ctx.localBackend().engine().codec();
        String why = dev.snapotter.engine.codec.CodecSelection.vipsUnavailableReason();
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle("About SnapOtter");
        a.setHeaderText("SnapOtter Desktop " + java.util.Objects.requireNonNullElse(getClass().getPackage().getImplementationVersion(), "(development build)"));
        a.setContentText("Image engine backend: " + codec.name() + " " + codec.version()
                + (codec.name().equals("libvips") || why == null ? "" : "\nlibvips is not available: " + why)
                + "\nJava " + Runtime.version() + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        a.showAndWait();
    }

    private void showShortcuts() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.setContentText("""
                Ctrl+O  Add images          Ctrl+Shift+O  Add folder
                Ctrl+I  Open preset         Ctrl+S        Save preset
                Ctrl+T  Add tool            Ctrl+Enter    Run
                Ctrl+.  Cancel run          Delete        Remove selected images
                Alt+↑/↓ Move image          Ctrl+= / - / 0  Zoom in / out / fit
                Ctrl+L  Log                 Ctrl+Shift+L  Light / dark theme
                Ctrl+Shift+S  Local server window""");
        a.show();
    }

    private void restoreGeometry() {
        WindowGeometry g = ctx.settings().get().window().sane();
        stage.setWidth(g.width());
        stage.setHeight(g.height());
        boolean onScreen = !Double.isNaN(g.x()) && !Screen.getScreensForRectangle(g.x(), g.y(), 100, 100).isEmpty();
        if (onScreen) {
            stage.setX(g.x());
            stage.setY(g.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(g.maximized());
    }

    private void trackGeometry() {
        javafx.beans.InvalidationListener save = o -> {
            if (stage.isIconified()) return;
            WindowGeometry g = stage.isMaximized()
                    ? ctx.settings().get().window().sane()
                    : new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            WindowGeometry next = new WindowGeometry(g.x(), g.y(), g.width(), g.height(), stage.isMaximized());
            ctx.settings().update(s -> s.withWindow(next));
        };
        stage.xProperty().addListener(save);
        stage.yProperty().addListener(save);
        stage.widthProperty().addListener(save);
        stage.heightProperty().addListener(save);
        stage.maximizedProperty().addListener(save);
    }

    /** A second launch handed over files: bring the window forward and queue them (AI bundle files go to the AI panel). */
    public void handOver(List<Path> files) {
        if (stage.isIconified()) stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
        view.accept(files);
    }
}
