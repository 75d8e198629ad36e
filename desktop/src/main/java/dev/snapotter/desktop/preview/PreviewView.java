package dev.snapotter.desktop.preview;

import atlantafx.base.theme.Styles;
import dev.snapotter.desktop.backend.Pixels;
import dev.snapotter.desktop.shell.FxImages;
import dev.snapotter.desktop.shell.Icons;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Before/after of the selected image: a split view with a slider (the default) or side by side,
 * both zoomable and pannable. Pixels arrive from the ViewModel; only the copy into an FX image
 * happens here.
 */
public final class PreviewView extends VBox {

    private final PreviewViewModel vm;
    private final ImageView before = new ImageView();
    private final ImageView after = new ImageView();
    private final Slider split = new Slider(0, 1, 0.5);
    private final Line divider = new Line();
    private final Rectangle afterClip = new Rectangle();
    private final Layer layer = new Layer();
    private final ZoomPane zoom = new ZoomPane(layer);
    private final ToggleButton splitMode = new ToggleButton();
    private final ToggleButton sideMode = new ToggleButton();

    public PreviewView(PreviewViewModel vm, BooleanProperty splitPreference) {
        this.vm = vm;
        setId("preview-view");
        getStyleClass().add("preview-view");
        before.setPreserveRatio(true);
        after.setPreserveRatio(true);
        before.setId("preview-before");
        after.setId("preview-after");
        after.setClip(afterClip);
        divider.getStyleClass().add("split-divider");
        split.setId("preview-split");
        split.valueProperty().addListener((o, a, b) -> layer.requestLayout());
        vm.beforeProperty().addListener((o, a, b) -> show(before, b));
        vm.afterProperty().addListener((o, a, b) -> show(after, b));
        show(before, vm.beforeProperty().get());
        show(after, vm.afterProperty().get());

        Label message = new Label();
        message.setId("preview-message");
        message.getStyleClass().addAll("preview-message", Styles.TITLE_4);
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.setMouseTransparent(true);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(28, 28);
        busy.visibleProperty().bind(vm.renderingProperty());
        StackPane.setAlignment(busy, Pos.TOP_RIGHT);
        StackPane.setMargin(busy, new Insets(12));
        StackPane.setAlignment(message, vm.beforeProperty().get() == null ? Pos.CENTER : Pos.BOTTOM_CENTER);
        vm.beforeProperty().addListener((o, a, b) -> StackPane.setAlignment(message, b == null ? Pos.CENTER : Pos.TOP_CENTER));
        StackPane stage = new StackPane(zoom, message, busy);
        stage.getStyleClass().add("preview-stage");
        VBox.setVgrow(stage, Priority.ALWAYS);

        splitMode.setGraphic(Icons.of(Material2MZ.VERTICAL_SPLIT, 16));
        sideMode.setGraphic(Icons.of(Material2AL.COMPARE, 16));
        splitMode.setTooltip(new Tooltip("Split view: drag the slider to compare"));
        sideMode.setTooltip(new Tooltip("Side by side"));
        splitMode.setId("preview-mode-split");
        sideMode.setId("preview-mode-side");
        SegmentedButton modes = new SegmentedButton(splitMode, sideMode);
        (splitPreference.get() ? splitMode : sideMode).setSelected(true);
        modes.getToggleGroup().selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                (a == null ? splitMode : (ToggleButton) a).setSelected(true);
                return;
            }
            splitPreference.set(b == splitMode);
            layer.requestLayout();
            zoom.requestLayout();
        });
        split.visibleProperty().bind(splitMode.selectedProperty());
        split.setPrefWidth(180);
        Button zoomOut = icon(Material2MZ.ZOOM_OUT, "Zoom out (Ctrl+-)", () -> zoom.zoomBy(1 / 1.25));
        Button zoomIn = icon(Material2MZ.ZOOM_IN, "Zoom in (Ctrl+=)", () -> zoom.zoomBy(1.25));
        Button fit = icon(Material2MZ.ZOOM_OUT_MAP, "Fit (Ctrl+0)", zoom::fit);
        Label caption = new Label();
        caption.setId("preview-caption");
        caption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        caption.textProperty().bind(vm.captionProperty());
        caption.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, modes, split, grow, caption, zoomOut, zoomIn, fit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("preview-bar");
        getChildren().addAll(stage, bar);
    }

    private void show(ImageView view, Pixels px) {
        Image img = FxImages.toImage(px);
        view.setImage(img);
        layer.requestLayout();
        zoom.requestLayout();
    }

    public void zoomIn() {
        zoom.zoomBy(1.25);
    }

    public void zoomOut() {
        zoom.zoomBy(1 / 1.25);
    }

    public void fit() {
        zoom.fit();
    }

    private boolean sideBySide() {
        return sideMode.isSelected();
    }

    private static Button icon(org.kordamp.ikonli.Ikon ikon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(ikon, 16));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /**
     * Lays out the images in proxy pixels: split = "after" over "before", clipped at the slider;
     * side by side = before | after. The {@link ZoomPane} scales this whole layer.
     */
    private final class Layer extends Pane {
        private static final double GAP = 16;

        Layer() {
            getChildren().addAll(before, after, divider);
        }

        private double bw() {
            return before.getImage() == null ? 0 : before.getImage().getWidth();
        }

        private double bh() {
            return before.getImage() == null ? 0 : before.getImage().getHeight();
        }

        @Override
        protected double computePrefWidth(double height) {
            return sideBySide() && after.getImage() != null ? bw() * 2 + GAP : bw();
        }

        @Override
        protected double computePrefHeight(double width) {
            return bh();
        }

        @Override
        protected void layoutChildren() {
            double w = bw();
            double h = bh();
            // "after" is shown in the same box as "before": a resize step shows how the result would
            // look at the same display size, with its own pixels.
            before.setFitWidth(w);
            before.setFitHeight(h);
            after.setFitWidth(w);
            after.setFitHeight(h);
            before.relocate(0, 0);
            boolean hasAfter = after.getImage() != null;
            after.setVisible(hasAfter);
            if (sideBySide()) {
                divider.setVisible(false);
                after.setClip(null);
                after.relocate(w + GAP, centeredY(after, h));
                return;
            }
            after.setClip(afterClip);
            double aw = after.getLayoutBounds().getWidth();
            double ah = after.getLayoutBounds().getHeight();
            double ax = (w - aw) / 2;
            after.relocate(ax, (h - ah) / 2);
            double cut = split.getValue() * w;
            afterClip.setX(cut - ax);
            afterClip.setY(0);
            afterClip.setWidth(Math.max(0, aw - (cut - ax)));
            afterClip.setHeight(ah);
            divider.setVisible(hasAfter);
            divider.setStartX(cut);
            divider.setEndX(cut);
            divider.setStartY(0);
            divider.setEndY(h);
        }

        private double centeredY(ImageView v, double h) {
            return (h - v.getLayoutBounds().getHeight()) / 2;
        }
    }
}
