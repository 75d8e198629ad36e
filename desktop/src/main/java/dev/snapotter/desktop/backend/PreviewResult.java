package dev.snapotter.desktop.backend;

/**
 * A before/after pair computed on a screen-sized proxy of the original.
 *
 * @param before         the proxy as decoded
 * @param after          the proxy after the pipeline, or null when the pipeline is empty or invalid
 * @param originalWidth  full-resolution width (after EXIF orientation)
 * @param originalHeight full-resolution height
 */
public record PreviewResult(Pixels before, Pixels after, int originalWidth, int originalHeight) {

    /** Proxy width ÷ original width; below 1 when the preview is a reduced copy. */
    public double proxyScale() {
        return originalWidth == 0 ? 1 : (double) before.width() / originalWidth;
    }
}
