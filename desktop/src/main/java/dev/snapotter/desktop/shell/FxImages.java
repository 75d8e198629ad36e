package dev.snapotter.desktop.shell;

import dev.snapotter.desktop.backend.Pixels;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Copies toolkit-neutral {@link Pixels} into a JavaFX image (one bulk copy, on the FX thread). */
public final class FxImages {

    private FxImages() {
    }

    public static Image toImage(Pixels px) {
        if (px == null) return null;
        WritableImage img = new WritableImage(px.width(), px.height());
        img.getPixelWriter().setPixels(0, 0, px.width(), px.height(), PixelFormat.getIntArgbInstance(), px.argb(), 0, px.width());
        return img;
    }
}
