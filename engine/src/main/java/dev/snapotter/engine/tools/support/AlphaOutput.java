package dev.snapotter.engine.tools.support;

import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.OutputSpec;

import java.util.Set;

/**
 * Tools that create transparency (rounded corners, shadows, transparent backgrounds) switch a
 * format that cannot store it to PNG, as SnapOtter does, instead of flattening silently.
 */
public final class AlphaOutput {

    private static final Set<ImageFormat> WITH_ALPHA = Set.of(ImageFormat.PNG, ImageFormat.WEBP, ImageFormat.AVIF,
            ImageFormat.HEIF, ImageFormat.TIFF, ImageFormat.GIF, ImageFormat.ICO, ImageFormat.PSD, ImageFormat.TGA);

    private AlphaOutput() {
    }

    public static OutputSpec keepingAlpha(OutputSpec spec) {
        return WITH_ALPHA.contains(spec.format()) ? spec : spec.withFormat(ImageFormat.PNG);
    }
}
