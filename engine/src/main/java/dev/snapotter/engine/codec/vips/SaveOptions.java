package dev.snapotter.engine.codec.vips;

import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.OutputSpec;

import java.util.EnumSet;
import java.util.Set;

/** The libvips saver and its options for an {@link OutputSpec}, as the suffix string vips_image_write_to_buffer takes. */
final class SaveOptions {

    /**
     * Formats written by libvips itself; BMP and ICO stay with the Java encoder. Which of these the loaded libvips
     * can really save (AVIF and HEIC need encoders libheif may lack) is decided by {@link SaverProbe}.
     */
    static final Set<ImageFormat> NATIVE = Set.copyOf(EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP,
            ImageFormat.AVIF, ImageFormat.HEIF, ImageFormat.TIFF, ImageFormat.GIF));

    private SaveOptions() {
    }

    /** @param strip save no metadata at all (libvips would otherwise add its own, e.g. a minimal EXIF block) */
    static String suffix(OutputSpec spec, boolean strip) {
        String s = strip ? ",strip" : "";
        int q = spec.quality();
        return switch (spec.format()) {
            // optimize_coding: Huffman tables per image, as the JDK writer does; smaller files for a few ms
            case JPEG -> ".jpg[Q=" + q + ",optimize_coding" + (spec.progressive() ? ",interlace" : "") + s + "]";
            case PNG -> ".png[compression=6" + s + "]";
            case WEBP -> ".webp[Q=" + q + s + "]";
            // the buffer saver is chosen by .heif; the codec decides between AVIF (AV1) and HEIC (HEVC)
            case AVIF -> ".heif[Q=" + q + ",compression=av1" + s + "]";
            case HEIF -> ".heif[Q=" + q + ",compression=hevc" + s + "]";
            case TIFF -> ".tif[compression=lzw" + s + "]";
            case GIF -> strip ? ".gif[strip]" : ".gif";
            default -> throw new IllegalArgumentException(spec.format() + " is not written by libvips");
        };
    }

    /** Formats that keep an alpha channel; others get transparency composited on white first, as the Java path does. */
    static boolean keepsAlpha(ImageFormat f) {
        return f != ImageFormat.JPEG;
    }
}
