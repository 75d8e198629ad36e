package dev.snapotter.desktop.preview;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Cursor;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A clipped viewport that shows its content fitted, zoomed (wheel, buttons) and panned (drag).
 * Zoom is relative to "fit": 1 = the whole content visible; double-click returns to fit.
 */
final class ZoomPane extends Pane {

    static final double MIN_ZOOM = 1;
    static final double MAX_ZOOM = 16;

    private final Region content;
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;

    ZoomPane(Region content) {
        this.content = content;
        getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        zoom.addListener((o, a, b) -> requestLayout());
        setOnScroll(e -> {
            if (e.getDeltaY() == 0) return;
            zoomBy(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15);
            e.consume();
        });
        setOnMousePressed(e -> {
            dragX = e.getX() - panX;
            dragY = e.getY() - panY;
            setCursor(Cursor.CLOSED_HAND);
        });
        setOnMouseDragged(e -> {
            if (zoom.get() <= MIN_ZOOM) return;
            panX = e.getX() - dragX;
            panY = e.getY() - dragY;
            requestLayout();
        });
        setOnMouseReleased(e -> setCursor(Cursor.DEFAULT));
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) fit();
        });
    }

    DoubleProperty zoomProperty() {
        return zoom;
    }

    void zoomBy(double factor) {
        zoom.set(Math.clamp(zoom.get() * factor, MIN_ZOOM, MAX_ZOOM));
        if (zoom.get() == MIN_ZOOM) {
            panX = 0;
            panY = 0;
        }
    }

    void fit() {
        panX = 0;
        panY = 0;
        zoom.set(1);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double cw = content.prefWidth(-1);
        double ch = content.prefHeight(-1);
        content.resize(cw, ch);
        double w = getWidth();
        double h = getHeight();
        if (cw <= 0 || ch <= 0 || w <= 0 || h <= 0) return;
        double fitScale = Math.min((w - 24) / cw, (h - 24) / ch);
        double scale = Math.max(0.01, fitScale * zoom.get());
        // Keep the panned content from leaving the viewport entirely.
        double maxPanX = Math.max(0, (cw * scale - w) / 2);
        double maxPanY = Math.max(0, (ch * scale - h) / 2);
        panX = Math.clamp(panX, -maxPanX, maxPanX);
        panY = Math.clamp(panY, -maxPanY, maxPanY);
        content.relocate((w - cw) / 2 + panX, (h - ch) / 2 + panY);
        content.setScaleX(scale);
        content.setScaleY(scale);
    }
}
