package dev.snapotter.desktop.queue;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.snapotter.desktop.shell.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.List;

/** The queue column: header with actions, the list, and a placeholder that invites a drop. */
public final class QueueView extends VBox {

    private final QueueViewModel vm;
    private final ListView<QueueItem> list = new ListView<>();

    public QueueView(QueueViewModel vm, Runnable openFiles, Runnable openFolder) {
        this.vm = vm;
        getStyleClass().add("queue-view");
        setId("queue-view");
        Label title = new Label("Queue");
        title.getStyleClass().add(Styles.TITLE_4);
        Label summary = new Label();
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button add = iconButton(Material2AL.ADD_PHOTO_ALTERNATE, "Add images… (Ctrl+O)", openFiles);
        add.setId("queue-add");
        Button addFolder = iconButton(Material2AL.CREATE_NEW_FOLDER, "Add a folder… (Ctrl+Shift+O)", openFolder);
        HBox header = new HBox(6, new VBox(title, summary), grow, add, addFolder);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 12, 8, 12));

        list.setId("queue-list");
        list.setItems(vm.items());
        list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(l -> new QueueCell(vm));
        list.setPlaceholder(placeholder());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) list.getSelectionModel().select(b);
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) removeSelected();
            else if (e.isAltDown() && e.getCode() == KeyCode.UP) moveSelected(-1);
            else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) moveSelected(1);
            else return;
            e.consume();
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button up = iconButton(Material2AL.ARROW_UPWARD, "Move up (Alt+Up)", () -> moveSelected(-1));
        Button down = iconButton(Material2AL.ARROW_DOWNWARD, "Move down (Alt+Down)", () -> moveSelected(1));
        Button remove = iconButton(Material2AL.DELETE, "Remove selected (Delete)", this::removeSelected);
        remove.setId("queue-remove");
        Button clear = iconButton(Material2AL.CLEAR_ALL, "Clear the queue", vm::clear);
        clear.setId("queue-clear");
        for (Button b : List.of(up, down, remove, clear)) {
            b.disableProperty().bind(vm.lockedProperty().or(Bindings.isEmpty(vm.items())));
        }
        Label scanning = new Label("Scanning…");
        scanning.getStyleClass().add(Styles.TEXT_MUTED);
        scanning.visibleProperty().bind(vm.scanningProperty());
        Region grow2 = new Region();
        HBox.setHgrow(grow2, Priority.ALWAYS);
        HBox footer = new HBox(4, up, down, remove, grow2, scanning, clear);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setPadding(new Insets(6, 8, 8, 8));
        getChildren().addAll(header, list, footer);
        setMinWidth(240);
        setPrefWidth(300);
    }

    private VBox placeholder() {
        Label icon = new Label(null, Icons.of(Material2AL.ADD_PHOTO_ALTERNATE, 40));
        Label text = new Label("Drop images or folders here");
        text.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label("or press Ctrl+O");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, icon, text, hint);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("drop-placeholder");
        return box;
    }

    private void removeSelected() {
        vm.remove(List.copyOf(list.getSelectionModel().getSelectedItems()));
    }

    private void moveSelected(int delta) {
        QueueItem item = list.getSelectionModel().getSelectedItem();
        if (item != null) {
            vm.move(item, delta);
            list.getSelectionModel().clearAndSelect(vm.items().indexOf(item));
        }
    }

    public ListView<QueueItem> list() {
        return list;
    }

    private static Button iconButton(Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
