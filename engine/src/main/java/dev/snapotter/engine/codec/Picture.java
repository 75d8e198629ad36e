package dev.snapotter.engine.codec;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A decoded image on its way through a pipeline: pixels (EXIF orientation already applied),
 * the metadata to carry, and how it will be written. Immutable; tools return a new one.
 */
public record Picture(BufferedImage pixels, ImageMetadata metadata, OutputSpec output) {

    public Picture {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(output, "output");
    }

    public int width() {
        return pixels.getWidth();
    }

    public int height() {
        return pixels.getHeight();
    }

    public Picture withPixels(BufferedImage p) {
        return new Picture(p, metadata, output);
    }

    public Picture withMetadata(ImageMetadata m) {
        return new Picture(pixels, m, output);
    }

    public Picture withOutput(OutputSpec o) {
        return new Picture(pixels, metadata, o);
    }
}
