package dev.snapotter.engine.codec;

/**
 * How a picture should be written when the pipeline ends. Tools such as {@code convert}
 * and {@code compress} change it; most tools pass it through.
 *
 * @param format      output format
 * @param quality     1..100 for lossy formats
 * @param progressive progressive JPEG
 * @param targetBytes when > 0, the encoder searches for the highest quality that fits (compress targetSizeKb)
 */
public record OutputSpec(ImageFormat format, int quality, boolean progressive, long targetBytes) {

    public static final int DEFAULT_QUALITY = 85;

    public OutputSpec {
        if (quality < 1 || quality > 100) throw new IllegalArgumentException("quality must be 1..100");
    }

    public static OutputSpec of(ImageFormat format) {
        return new OutputSpec(format, DEFAULT_QUALITY, false, 0);
    }

    public OutputSpec withFormat(ImageFormat f) {
        return new OutputSpec(f, quality, progressive, targetBytes);
    }

    public OutputSpec withQuality(int q) {
        return new OutputSpec(format, q, progressive, targetBytes);
    }

    public OutputSpec withProgressive(boolean p) {
        return new OutputSpec(format, quality, p, targetBytes);
    }

    public OutputSpec withTargetBytes(long t) {
        return new OutputSpec(format, quality, progressive, t);
    }
}
