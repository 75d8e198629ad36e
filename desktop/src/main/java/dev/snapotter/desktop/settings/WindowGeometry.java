package dev.snapotter.desktop.settings;

/** Where the main window was when it was last moved or closed. */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {

    public static final WindowGeometry DEFAULT = new WindowGeometry(Double.NaN, Double.NaN, 1280, 800, false);

    /** Too small or nonsensical values (a corrupted file, a disconnected monitor) fall back to the default size. */
    public WindowGeometry sane() {
        if (!(width >= 640 && height >= 420 && width < 20_000 && height < 20_000)) return DEFAULT;
        return this;
    }
}
