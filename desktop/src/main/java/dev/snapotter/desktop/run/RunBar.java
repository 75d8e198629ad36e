package dev.snapotter.desktop.run;

import atlantafx.base.theme.Styles;
import dev.snapotter.desktop.shell.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The footer: Run / Cancel, progress with ETA, failures, and "Open output folder" after a run. */
public final class RunBar extends HBox {

    public RunBar(RunViewModel vm) {
        setId("run-bar");
        getStyleClass().add("run-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(10, 14, 10, 14));

        Button run = new Button("Run", Icons.of(Material2MZ.PLAY_ARROW));
        run.setId("run-button");
        run.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        run.setDefaultButton(false);
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setOnAction(e -> vm.start());
        Tooltip blocked = new Tooltip();
        blocked.textProperty().bind(Bindings.when(vm.blockedReasonProperty().isEmpty())
                .then("Process every queued image (Ctrl+Enter)").otherwise(vm.blockedReasonProperty()));
        run.setTooltip(blocked);
        // A disabled button shows no tooltip, so the reason is also written next to it.
        Label reason = new Label();
        reason.setId("run-blocked-reason");
        reason.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        reason.textProperty().bind(vm.blockedReasonProperty());
        reason.visibleProperty().bind(vm.runningProperty().not());
        reason.managedProperty().bind(vm.runningProperty().not().and(vm.blockedReasonProperty().isNotEmpty()));

        Button cancel = new Button("Cancel", Icons.of(Material2MZ.STOP));
        cancel.setId("cancel-button");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> vm.cancel());

        ProgressBar progress = new ProgressBar();
        progress.setId("run-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(220);
        progress.visibleProperty().bind(vm.runningProperty().or(vm.progressProperty().greaterThan(0)));
        Label status = new Label();
        status.setId("run-status");
        status.textProperty().bind(vm.statusProperty());
        VBox progressBox = new VBox(4, status, progress);
        progressBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(progressBox, Priority.ALWAYS);
        progress.maxWidthProperty().bind(progressBox.widthProperty());

        ListView<Failure> failureList = new ListView<>(vm.failures());
        failureList.setId("failure-list");
        failureList.setPrefSize(520, 220);
        MenuButton failures = new MenuButton();
        failures.setId("failures-button");
        failures.setGraphic(Icons.of(Material2AL.ERROR));
        failures.getStyleClass().add(Styles.DANGER);
        failures.textProperty().bind(Bindings.size(vm.failures()).asString("%d failed"));
        CustomMenuItem holder = new CustomMenuItem(failureList, false);
        failures.getItems().add(holder);
        failures.visibleProperty().bind(Bindings.isNotEmpty(vm.failures()));
        failures.managedProperty().bind(failures.visibleProperty());

        Button open = new Button("Open output folder", Icons.of(Material2AL.FOLDER_OPEN));
        open.setId("open-output");
        open.visibleProperty().bind(vm.outputFolderProperty().isNotNull().and(vm.runningProperty().not()));
        open.managedProperty().bind(open.visibleProperty());
        open.setOnAction(e -> vm.openOutputFolder());

        getChildren().addAll(progressBox, failures, open, reason, cancel, run);
    }
}
