package dev.snapotter.desktop.ai;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.function.Function;

/**
 * The AI panel: a table of bundles (name, version, licence, size, status, disk usage), Install /
 * Uninstall for the selected one, "Install from file…", drop a bundle file anywhere on the panel,
 * and a progress bar with Cancel while an install runs.
 */
public final class AiPanelView extends BorderPane {

    private final AiPanelViewModel vm;
    private final TableView<BundleRow> table = new TableView<>();

    public AiPanelView(AiPanelViewModel vm) {
        this.vm = vm;
        getStyleClass().add("ai-panel");
        setPadding(new Insets(12));
        Label intro = new Label(intro(vm.bundles()));
        intro.setId("ai-intro");
        intro.setWrapText(true);
        setTop(intro);
        BorderPane.setMargin(intro, new Insets(0, 0, 8, 0));

        table.setItems(vm.rows());
        table.getColumns().setAll(List.of(
                column("Feature", BundleRow::name, 180),
                column("Version", BundleRow::version, 70),
                column("Licence", BundleRow::license, 90),
                column("Size", r -> BundleRow.humanBytes(r.sizeBytes()), 80),
                column("Status", BundleRow::status, 100),
                column("On disk", r -> r.installed() ? BundleRow.humanBytes(r.diskUsageBytes()) : "—", 80)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No AI bundles known."));
        table.setPrefHeight(160);
        setCenter(table);
        setBottom(bottom());

        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
        vm.refresh();
    }

    /** Says where the bundles are: this computer, or a server that every user of it shares. */
    static String intro(BundleManager bundles) {
        if (!bundles.onServer()) {
            return "AI features run on this computer. Each one is a signed bundle you install once; "
                    + "removing it frees every byte. Nothing is downloaded unless you press Install.";
        }
        return "AI features run on " + bundles.place() + ", for everyone who uses it. Installing or removing a bundle here "
                + "changes that server (it needs the features:manage permission); a bundle file you choose or drop is uploaded "
                + "to it. The server downloads nothing unless you press Install.";
    }

    private static TableColumn<BundleRow, String> column(String title, Function<BundleRow, String> value, double width) {
        TableColumn<BundleRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleStringProperty(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        c.setPrefWidth(width);
        return c;
    }

    private VBox bottom() {
        var selected = table.getSelectionModel().selectedItemProperty();
        Button install = new Button("Install");
        install.setId("ai-install");
        install.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().installable() || vm.installingProperty().get(),
                selected, vm.installingProperty()));
        install.setOnAction(e -> vm.install(selected.get()));
        Button fromFile = new Button("Install from file…");
        fromFile.setId("ai-install-file");
        fromFile.disableProperty().bind(vm.installingProperty());
        fromFile.setOnAction(e -> chooseFile(getScene() == null ? null : getScene().getWindow()));
        Button uninstall = new Button("Uninstall");
        uninstall.setId("ai-uninstall");
        uninstall.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().installed() || vm.installingProperty().get(), selected, vm.installingProperty()));
        uninstall.setOnAction(e -> vm.uninstall(selected.get().id()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label usage = new Label();
        usage.textProperty().bind(Bindings.createStringBinding(() -> "AI bundles use " + BundleRow.humanBytes(vm.totalDiskUsageProperty().get()),
                vm.totalDiskUsageProperty()));
        HBox buttons = new HBox(8, install, fromFile, uninstall, spacer, usage);
        buttons.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("ai-cancel");
        cancel.setOnAction(e -> vm.cancel());
        HBox progressRow = new HBox(8, bar, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(vm.installingProperty());
        progressRow.managedProperty().bind(vm.installingProperty());

        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("ai-error");
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.errorProperty());
        Label hint = new Label("Tip: drop a .snapotter-bundle.tar.gz file here to install it without a network.");
        hint.getStyleClass().add("text-muted");
        VBox box = new VBox(8, buttons, progressRow, status, error, hint);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private void chooseFile(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Install AI bundle from file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("SnapOtter AI bundle", "*.tar.gz", "*.tgz"));
        File f = fc.showOpenDialog(owner);
        if (f != null) vm.installFile(f.toPath());
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1
                && AiPanelViewModel.looksLikeBundle(e.getDragboard().getFiles().getFirst().toPath()) && !vm.installingProperty().get()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1;
        if (ok) vm.installFile(e.getDragboard().getFiles().getFirst().toPath());
        e.setDropCompleted(ok);
        e.consume();
    }
}
