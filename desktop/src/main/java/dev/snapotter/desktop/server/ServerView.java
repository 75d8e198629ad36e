package dev.snapotter.desktop.server;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Server area: onboarding until Docker and the image are ready, then Start/Stop/Restart/Remove with progress,
 * the status card, logs and charts. {@link #shown()} / {@link #hidden()} drive checks, timers and streams.
 */
public final class ServerView extends BorderPane {

    private final ServerArea area;

    public ServerView(ServerArea area) {
        this.area = area;
        setId("server-view");
        OnboardingViewModel onboarding = area.onboarding();
        ServerViewModel vm = area.server();
        OnboardingPane onboardingPane = new OnboardingPane(onboarding);
        onboardingPane.visibleProperty().bind(onboarding.readyProperty().not());
        onboardingPane.managedProperty().bind(onboardingPane.visibleProperty());

        VBox running = new VBox(10, controls(vm), new HBox(12, statusCard(vm), progressList(vm)), error(vm),
                new FirstStartPane(area.firstStart()), tabs(vm, area.settings()));
        running.setId("server-running");
        running.visibleProperty().bind(onboarding.readyProperty());
        running.managedProperty().bind(running.visibleProperty());
        VBox.setVgrow(running.getChildren().getLast(), javafx.scene.layout.Priority.ALWAYS);

        Label title = new Label("Local server");
        title.getStyleClass().add(Styles.TITLE_2);
        Label hint = new Label("SnapOtter's server in a hardened Docker container on this computer (127.0.0.1 only).");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        setTop(new VBox(4, title, hint, onboardingPane));
        setCenter(running);
        setPadding(new Insets(14));
        onboarding.readyProperty().addListener((o, a, ready) -> {
            if (ready && getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
                vm.open();
            }
        });
    }

    /** The area became visible: check the prerequisites; the running side opens once they are met. */
    public void shown() {
        area.onboarding().checkAgain();
        area.settings().reload();
        if (area.onboarding().readyProperty().get()) area.server().open();
        // Already healthy when the window opens (no transition to observe): is the desktop's key still accepted?
        if (area.server().healthyProperty().get()) area.firstStart().check();
    }

    /** The area was hidden: timers and streams end. */
    public void hidden() {
        area.server().close();
    }

    private HBox controls(ServerViewModel vm) {
        Button start = button("Start", "server-start", vm::start);
        start.getStyleClass().add(Styles.SUCCESS);
        start.disableProperty().bind(vm.busyProperty().or(vm.runningProperty()));
        Button stop = button("Stop", "server-stop", vm::stop);
        stop.disableProperty().bind(vm.busyProperty().or(vm.runningProperty().not()));
        Button restart = button("Restart", "server-restart", vm::restart);
        restart.disableProperty().bind(vm.busyProperty().or(vm.runningProperty().not()));
        Button update = button("Update…", "server-update", () -> chooseUpdate(vm));
        update.disableProperty().bind(vm.busyProperty().or(vm.existsProperty().not()));
        Button remove = button("Remove…", "server-remove", () -> confirmRemove(vm));
        remove.getStyleClass().add(Styles.DANGER);
        remove.disableProperty().bind(vm.busyProperty().or(vm.existsProperty().not()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("server-busy");
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(vm.busyProperty());
        HBox bar = new HBox(8, start, stop, restart, update, remove, spinner);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private GridPane statusCard(ServerViewModel vm) {
        GridPane card = new GridPane(12, 4);
        card.setId("status-card");
        card.getStyleClass().add("status-card");
        card.setPadding(new Insets(10));
        card.setMinWidth(420);
        row(card, 0, "Health", vm.healthProperty(), "health-value");
        row(card, 1, "Last probe", vm.lastProbeProperty(), "probe-value");
        row(card, 2, "Uptime", vm.uptimeProperty(), "uptime-value");
        row(card, 3, "Version", vm.versionProperty(), "version-value");
        row(card, 4, "Port", vm.portProperty().map(p -> "127.0.0.1:" + p), "port-value");
        row(card, 5, "Image", vm.imageProperty(), "image-value");
        row(card, 6, "Data volume", vm.volumeProperty(), "volume-value");
        Label health = (Label) card.lookup("#health-value");
        vm.healthyProperty().subscribe(ok -> {
            health.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING);
            health.getStyleClass().add(ok ? Styles.SUCCESS : Styles.WARNING);
        });
        return card;
    }

    private static void row(GridPane card, int row, String name, ObservableValue<String> value, String id) {
        Label key = new Label(name);
        key.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label();
        v.setId(id);
        v.setWrapText(true);
        v.setMaxWidth(360);
        v.textProperty().bind(value);
        card.addRow(row, key, v);
    }

    private static ListView<String> progressList(ServerViewModel vm) {
        ListView<String> list = new ListView<>(vm.progress());
        list.setId("server-progress");
        list.getStyleClass().add(Styles.DENSE);
        list.setPrefHeight(170);
        list.setPrefWidth(420);
        list.setPlaceholder(new Label("Press Start: image, data volumes, container, start, health."));
        vm.progress().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!vm.progress().isEmpty()) list.scrollTo(vm.progress().size() - 1);
        });
        return list;
    }

    private static Label error(ServerViewModel vm) {
        Label l = new Label();
        l.setId("server-error");
        l.setWrapText(true);
        l.getStyleClass().add(Styles.DANGER);
        l.textProperty().bind(vm.errorProperty());
        l.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static TabPane tabs(ServerViewModel vm, ServerSettingsViewModel settings) {
        Tab logs = new Tab("Logs", new LogsView(vm.logs()));
        logs.setId("tab-server-logs");
        Tab charts = new Tab("CPU & memory", new StatsCharts(vm.stats()));
        charts.setId("tab-server-charts");
        javafx.scene.control.ScrollPane settingsScroll = new javafx.scene.control.ScrollPane(new ServerSettingsPane(settings, vm));
        settingsScroll.setFitToWidth(true);
        Tab settingsTab = new Tab("Settings", settingsScroll);
        settingsTab.setId("tab-server-settings");
        TabPane tabs = new TabPane(logs, charts, settingsTab);
        tabs.setId("server-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    /**
     * Update from the image archive shipped with the app, or one the user picks; the data volumes are kept and a
     * new version that never becomes healthy is rolled back (the progress list says why).
     */
    private void chooseUpdate(ServerViewModel vm) {
        java.util.Optional<java.nio.file.Path> bundled = area.onboarding().bundledImage();
        ButtonType useBundled = new ButtonType("Use the bundled image", ButtonBar.ButtonData.OK_DONE);
        ButtonType pick = new ButtonType("Pick an image file…", ButtonBar.ButtonData.OTHER);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(getScene().getWindow());
        ask.setTitle("Update the server");
        ask.setHeaderText("Update the SnapOtter container?");
        ask.setContentText("The container is recreated from the new image with the same data volumes and port. If the"
                + " new version does not become healthy, the current one is started again.\n\n"
                + bundled.map(p -> "Bundled image: " + p).orElse("No bundled image archive was found."));
        ask.getButtonTypes().setAll(bundled.isPresent() ? java.util.List.of(useBundled, pick, ButtonType.CANCEL)
                : java.util.List.of(pick, ButtonType.CANCEL));
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == useBundled) {
            vm.update(bundled.get());
        } else if (answer == pick) {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("SnapOtter image archive");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Image archive", "*.tar", "*.tar.gz"));
            java.io.File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) vm.update(file.toPath());
        }
    }

    /** Removing keeps the data unless the user ticks the box and then confirms a second, explicit question. */
    private void confirmRemove(ServerViewModel vm) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(getScene().getWindow());
        ask.setTitle("Remove the server");
        ask.setHeaderText("Remove the SnapOtter container?");
        CheckBox deleteData = new CheckBox("Also delete the data volume " + vm.volumeProperty().get()
                + " (users, settings, pipelines, uploads)");
        deleteData.setId("remove-delete-data");
        ask.getDialogPane().setContent(new VBox(8,
                new Label("The container is removed. Your data stays in its volume unless you tick the box."), deleteData));
        if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) return;
        boolean delete = deleteData.isSelected();
        if (delete) {
            ButtonType really = new ButtonType("Delete my data", ButtonBar.ButtonData.OK_DONE);
            Alert sure = new Alert(Alert.AlertType.WARNING, "This deletes every user, setting, pipeline and upload in "
                    + vm.volumeProperty().get() + ". It cannot be undone.", really, ButtonType.CANCEL);
            sure.initOwner(getScene().getWindow());
            sure.setHeaderText("Delete the data for good?");
            if (sure.showAndWait().orElse(ButtonType.CANCEL) != really) return;
        }
        vm.remove(delete);
    }
}
