package dev.snapotter.desktop.server;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Settings tab: the form, Save, and — when a container exists — "Recreate now" to apply the settings. */
final class ServerSettingsPane extends VBox {

    ServerSettingsPane(ServerSettingsViewModel vm, ServerViewModel server) {
        super(10);
        setId("server-settings");
        setPadding(new Insets(12));
        GridPane form = new GridPane(12, 8);
        field(form, 0, 0, "Port on 127.0.0.1", vm.portProperty(), "settings-port", "1349");
        field(form, 2, 0, "Memory (GiB)", vm.memoryGibProperty(), "settings-memory", "6");
        field(form, 0, 1, "CPUs", vm.cpusProperty(), "settings-cpus", "4");
        Label engine = new Label();
        engine.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        engine.textProperty().bind(vm.engineCpusProperty().map(n -> n.intValue() > 0
                ? "at most " + n + " (the Docker engine's CPUs)" : ""));
        form.add(engine, 2, 1, 2, 1);
        field(form, 0, 2, "Data volume", vm.volumeProperty(), "settings-volume", "snapotter-data");
        CheckBox auth = new CheckBox("Require sign-in (recommended)");
        auth.setId("settings-auth");
        auth.selectedProperty().bindBidirectional(vm.authEnabledProperty());
        form.add(auth, 2, 2, 2, 1);

        Button save = new Button("Save settings");
        save.setId("settings-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.apply());
        Button recreate = new Button("Recreate now");
        recreate.setId("settings-recreate");
        recreate.visibleProperty().bind(vm.recreateOfferedProperty());
        recreate.disableProperty().bind(server.busyProperty());
        recreate.setOnAction(e -> server.recreate());

        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Label error = new Label();
        error.setId("settings-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label when = new Label("Changes apply when the container is next created; an existing one is recreated only"
                + " when you press \"Recreate now\" (your data volumes stay).");
        when.setWrapText(true);
        when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox actions = new HBox(8, save, recreate);
        getChildren().addAll(form, when, actions, error, message);
    }

    private static void field(GridPane form, int column, int row, String name, javafx.beans.property.StringProperty value,
                              String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(12);
        f.textProperty().bindBidirectional(value);
        form.add(new Label(name), column, row);
        form.add(f, column + 1, row);
    }
}
