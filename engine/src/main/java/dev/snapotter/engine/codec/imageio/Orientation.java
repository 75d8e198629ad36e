package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.tools.support.RightAngles;

import java.awt.image.BufferedImage;

/** Turns pixels upright according to an EXIF orientation value (1..8), losslessly. */
final class Orientation {

    private Orientation() {
    }

    static BufferedImage apply(BufferedImage img, int orientation) {
        // RightAngles rotates clockwise by quarter turns, then mirrors.
        return switch (orientation) {
            case 2 -> RightAngles.transform(img, 0, true, false);
            case 3 -> RightAngles.transform(img, 2, false, false);
            case 4 -> RightAngles.transform(img, 0, false, true);
            case 5 -> RightAngles.transform(img, 1, true, false);
            case 6 -> RightAngles.transform(img, 1, false, false);
            case 7 -> RightAngles.transform(img, 1, false, true);
            case 8 -> RightAngles.transform(img, 3, false, false);
            default -> img;
        };
    }
}
