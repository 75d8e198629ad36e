package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageHeader;

import java.util.Locale;

/** The checks made from the header alone, before a single pixel is allocated. */
final class Limits {

    private Limits() {
    }

    static void check(ImageHeader h, EngineLimits limits, int subsampling) {
        if (h.pixels() > limits.maxPixels()) {
            throw new ImageException(ImageException.Kind.TOO_LARGE, String.format(Locale.ROOT,
                    "the image is %d×%d (%.1f megapixels), above the limit of %s megapixels",
                    h.width(), h.height(), h.pixels() / 1e6, trim(limits.maxMegapixels())));
        }
        long need = ImageIoCodec.estimateBytes(h, subsampling);
        if (need > limits.memoryBudgetBytes()) {
            throw new ImageException(ImageException.Kind.MEMORY_BUDGET, String.format(Locale.ROOT,
                    "processing this %d×%d image needs about %d MB, above the memory budget of %d MB",
                    h.width(), h.height(), need >> 20, limits.memoryBudgetBytes() >> 20));
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
