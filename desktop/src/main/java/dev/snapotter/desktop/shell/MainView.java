package dev.snapotter.desktop.shell;

import atlantafx.base.theme.Styles;
import dev.snapotter.desktop.ai.AiPanelViewModel;
import dev.snapotter.desktop.backend.BackendKind;
import dev.snapotter.desktop.notice.Notice;
import dev.snapotter.desktop.output.OutputView;
import dev.snapotter.desktop.pipeline.PipelineView;
import dev.snapotter.desktop.preview.PreviewView;
import dev.snapotter.desktop.queue.QueueView;
import dev.snapotter.desktop.run.RunBar;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The main window's content: header (backend selector, theme), queue | preview | pipeline & output,
 * run bar. Files and folders can be dropped anywhere on it.
 */
public final class MainView extends BorderPane {

    private final MainViewModel vm;
    private final NotificationPane notifications;
    private final PreviewView preview;
    private final PipelineView pipeline;
    private final QueueView queue;
    private final ShellActions actions;

    public MainView(MainViewModel vm, ShellActions actions) {
        this.vm = vm;
        this.actions = actions;
        setId("main-view");
        getStyleClass().add("main-view");
        queue = new QueueView(vm.queue(), actions::openFiles, actions::openFolder);
        var splitPref = new SimpleBooleanProperty(vm.settings().get().splitPreview());
        splitPref.addListener((o, a, b) -> vm.settings().update(s -> s.withSplitPreview(b)));
        preview = new PreviewView(vm.preview(), splitPref);
        pipeline = new PipelineView(vm.pipeline());
        OutputView output = new OutputView(vm.output(), actions::chooseOutputFolder);

        ScrollPane outputScroll = new ScrollPane(output);
        outputScroll.setFitToWidth(true);
        outputScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        TabPane side = new TabPane(tab("Pipeline", pipeline, "tab-pipeline"), tab("Output", outputScroll, "tab-output"));
        side.setId("side-tabs");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.getStyleClass().add(Styles.TABS_FLOATING);
        side.setMinWidth(320);
        side.setPrefWidth(380);

        // Notices slide over the preview only, so the queue header and the tabs stay usable.
        notifications = new NotificationPane(preview);
        notifications.setId("notice-pane");
        notifications.setShowFromTop(true);
        notifications.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        vm.notices().latestProperty().addListener((o, a, n) -> showNotice(n));
        SplitPane body = new SplitPane(queue, notifications, side);
        body.setDividerPositions(0.22, 0.70);
        SplitPane.setResizableWithParent(queue, false);
        SplitPane.setResizableWithParent(side, false);

        setTop(new VBox(actions.menuBar(), header()));
        setCenter(body);
        setBottom(new RunBar(vm.run()));
        installDrop();
    }

    private Tab tab(String title, javafx.scene.Node content, String id) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private HBox header() {
        Label logo = new Label("SnapOtter", Icons.of(Material2AL.IMAGE, 22));
        logo.getStyleClass().addAll(Styles.TITLE_3, "app-title");
        Label preset = new Label();
        preset.getStyleClass().add(Styles.TEXT_MUTED);
        preset.textProperty().bind(vm.presets().currentNameProperty().map(n -> "Preset: " + n));

        ComboBox<BackendKind> backend = new ComboBox<>();
        backend.setId("backend-selector");
        backend.getItems().setAll(vm.backends().choices());
        backend.valueProperty().bindBidirectional(vm.backends().selectedProperty());
        Label backendStatus = new Label();
        backendStatus.setId("backend-status");
        backendStatus.getStyleClass().addAll(Styles.TEXT_SMALL);
        backendStatus.textProperty().bind(vm.backends().statusProperty());
        backendStatus.setGraphic(Icons.of(Material2AL.COMPUTER, 14));
        backendStatus.setMaxWidth(360);
        backendStatus.setTooltip(new Tooltip());
        backendStatus.getTooltip().textProperty().bind(vm.backends().statusProperty());
        vm.backends().availableProperty().addListener((o, a, ok) -> styleStatus(backendStatus, ok));
        styleStatus(backendStatus, vm.backends().availableProperty().get());

        TextField url = new TextField();
        url.setId("remote-url");
        url.setPromptText("https://snapotter.example.org");
        url.textProperty().bindBidirectional(vm.backends().remoteUrlProperty());
        PasswordField key = new PasswordField();
        key.setId("remote-api-key");
        key.setPromptText("API key (si_…)");
        key.textProperty().bindBidirectional(vm.backends().apiKeyProperty());
        CheckBox plainHttp = new CheckBox("Allow plain http");
        plainHttp.setId("remote-plain-http");
        plainHttp.setTooltip(new Tooltip(dev.snapotter.desktop.backend.RemoteAddress.PLAIN_HTTP_WARNING));
        plainHttp.selectedProperty().bindBidirectional(vm.backends().plainHttpAcceptedProperty());
        Button connect = new Button("Connect");
        connect.setId("remote-connect");
        connect.disableProperty().bind(vm.backends().connectingProperty());
        connect.setOnAction(e -> vm.backends().connectRemote());
        HBox remote = new HBox(6, url, key, plainHttp, connect);
        remote.setAlignment(Pos.CENTER_LEFT);
        remote.visibleProperty().bind(vm.backends().selectedProperty().isEqualTo(BackendKind.REMOTE_SERVER));
        remote.managedProperty().bind(remote.visibleProperty());

        Button theme = new Button(null, Icons.of(Material2MZ.NIGHTS_STAY));
        theme.setId("theme-toggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.setTooltip(new Tooltip("Light / dark theme (Ctrl+Shift+L)"));
        theme.setOnAction(e -> vm.toggleTheme());
        Runnable themeIcon = () -> theme.setGraphic(Icons.of(vm.themeProperty().get() == dev.snapotter.desktop.settings.Theme.DARK
                ? Material2MZ.WB_SUNNY : Material2MZ.NIGHTS_STAY));
        vm.themeProperty().addListener((o, a, t) -> themeIcon.run());
        themeIcon.run();

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label processing = new Label("Process with");
        processing.getStyleClass().add(Styles.TEXT_MUTED);
        HBox header = new HBox(12, logo, preset, grow, processing, backend, remote, backendStatus, theme);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 14, 8, 14));
        header.getStyleClass().add("app-header");
        return header;
    }

    private static void styleStatus(Label l, boolean ok) {
        l.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING);
        l.getStyleClass().add(ok ? Styles.SUCCESS : Styles.WARNING);
    }

    private void showNotice(Notice n) {
        if (n == null) {
            notifications.hide();
            return;
        }
        var icon = switch (n.level()) {
            case INFO -> Icons.of(Material2AL.INFO);
            case WARNING -> Icons.of(Material2MZ.WARNING);
            case ERROR -> Icons.of(Material2AL.ERROR);
        };
        notifications.show(n.title() + ": " + n.text(), icon);
    }

    /**
     * Images and folders go to the queue (not while a run holds it); AI bundle files ({@code *.snapotter-bundle.tar.gz})
     * are never queued as images: they open the AI panel and install, even during a run.
     */
    private void installDrop() {
        addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && (!vm.queue().lockedProperty().get() || onlyBundles(e.getDragboard().getFiles()))) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!getStyleClass().contains("drag-over")) getStyleClass().add("drag-over");
                e.consume();
            }
        });
        addEventHandler(DragEvent.DRAG_EXITED, e -> getStyleClass().remove("drag-over"));
        addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            getStyleClass().remove("drag-over");
            if (!e.getDragboard().hasFiles()) return;
            accept(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            e.setDropCompleted(true);
            e.consume();
        });
    }

    /** Files dropped or handed over by a second launch: images and folders to the queue, AI bundle files to the AI panel. */
    public void accept(List<Path> files) {
        List<Path> bundles = files.stream().filter(AiPanelViewModel::isBundleFile).toList();
        List<Path> rest = files.stream().filter(f -> !AiPanelViewModel.isBundleFile(f)).toList();
        if (!rest.isEmpty()) vm.addFiles(rest);
        if (!bundles.isEmpty()) actions.installBundles(bundles);
    }

    private static boolean onlyBundles(List<File> files) {
        return !files.isEmpty() && files.stream().allMatch(f -> AiPanelViewModel.isBundleFile(f.toPath()));
    }

    public NotificationPane notifications() {
        return notifications;
    }

    public PreviewView preview() {
        return preview;
    }

    public PipelineView pipeline() {
        return pipeline;
    }

    public QueueView queue() {
        return queue;
    }
}
