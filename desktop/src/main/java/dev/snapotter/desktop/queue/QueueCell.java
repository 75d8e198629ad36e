package dev.snapotter.desktop.queue;

import dev.snapotter.desktop.shell.FxImages;
import dev.snapotter.desktop.shell.Icons;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/** A queue row: thumbnail, name, status chip; the tooltip carries the error or output path. Drag to reorder. */
final class QueueCell extends ListCell<QueueItem> {

    static final DataFormat ROW = new DataFormat("application/x-snapotter-queue-row");

    private final QueueViewModel vm;
    private final ImageView thumb = new ImageView();
    private final Label name = new Label();
    private final Label status = new Label();
    private final Tooltip tooltip = new Tooltip();
    private final HBox root;
    private final ChangeListener<Object> refresh = (obs, o, n) -> update();
    private dev.snapotter.desktop.backend.Pixels shownThumbnail;

    QueueCell(QueueViewModel vm) {
        this.vm = vm;
        thumb.setFitWidth(48);
        thumb.setFitHeight(48);
        thumb.setPreserveRatio(true);
        StackPane thumbBox = new StackPane(thumb);
        thumbBox.getStyleClass().add("queue-thumb");
        thumbBox.setMinSize(52, 52);
        thumbBox.setMaxSize(52, 52);
        name.getStyleClass().add("queue-name");
        status.getStyleClass().add("status-chip");
        VBox text = new VBox(2, name, status);
        text.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        root = new HBox(10, thumbBox, text);
        root.setAlignment(Pos.CENTER_LEFT);
        setupDragReorder();
    }

    @Override
    protected void updateItem(QueueItem item, boolean empty) {
        QueueItem old = getItem();
        if (old != null) {
            old.statusProperty().removeListener(refresh);
            old.thumbnailProperty().removeListener(refresh);
            old.messageProperty().removeListener(refresh);
        }
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        item.statusProperty().addListener(refresh);
        item.thumbnailProperty().addListener(refresh);
        item.messageProperty().addListener(refresh);
        update();
        setGraphic(root);
    }

    private void update() {
        QueueItem item = getItem();
        if (item == null) return;
        name.setText(item.name());
        ItemStatus s = item.status();
        status.setText(s.label());
        status.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-chip"));
        status.getStyleClass().add("status-" + s.name().toLowerCase(java.util.Locale.ROOT));
        status.setGraphic(s == ItemStatus.FAILED ? Icons.of(Material2AL.ERROR, 14) : null);
        var px = item.thumbnailProperty().get();
        if (px != shownThumbnail || thumb.getImage() == null && px != null) {
            shownThumbnail = px;
            thumb.setImage(FxImages.toImage(px));
        }
        String msg = item.messageProperty().get();
        tooltip.setText(item.path() + (msg == null || msg.isEmpty() ? "" : "\n\n" + msg));
        setTooltip(tooltip);
    }

    private void setupDragReorder() {
        setOnDragDetected(e -> {
            if (getItem() == null || vm.lockedProperty().get()) return;
            var db = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(ROW, getIndex());
            db.setContent(content);
            e.consume();
        });
        setOnDragOver(e -> {
            if (e.getGestureSource() != this && e.getDragboard().hasContent(ROW)) e.acceptTransferModes(TransferMode.MOVE);
        });
        setOnDragDropped(e -> {
            if (!e.getDragboard().hasContent(ROW)) return;
            int from = (Integer) e.getDragboard().getContent(ROW);
            if (from >= 0 && from < vm.items().size()) {
                int to = getItem() == null ? vm.items().size() - 1 : getIndex();
                vm.moveTo(vm.items().get(from), to);
            }
            e.setDropCompleted(true);
            e.consume();
        });
    }
}
