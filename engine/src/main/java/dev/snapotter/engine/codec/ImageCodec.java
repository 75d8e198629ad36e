package dev.snapotter.engine.codec;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageException;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * One backend that turns bytes into pixels and back. The pure-Java backend (ImageIO +
 * TwelveMonkeys) is always present; the native libvips backend ({@code codec.vips}) is used when the
 * system has libvips ({@link CodecSelection}). Every failure is an {@link ImageException}.
 */
public interface ImageCodec {

    /** Short name shown by {@code snapotter info --backend}, e.g. "java" or "libvips". */
    String name();

    /** The version of what does the work, e.g. "8.14.1" for libvips; shown next to {@link #name()}. */
    default String version() {
        return Runtime.version().toString();
    }

    Set<ImageFormat> readableFormats();

    Set<ImageFormat> writableFormats();

    /** Whether {@code format} can be written; backends that must try a format to know override it to try only that one. */
    default boolean canWrite(ImageFormat format) {
        return writableFormats().contains(format);
    }

    /**
     * Why {@code format} is missing from {@link #writableFormats()}, when the backend knows more than "not supported",
     * e.g. libvips whose libheif has no AV1 encoder. Empty when the format is writable or there is nothing to add.
     */
    default Optional<String> unwritableReason(ImageFormat format) {
        return Optional.empty();
    }

    /** Reads only the header: format from magic bytes, dimensions, frames, EXIF orientation. */
    ImageHeader probe(Path file) throws ImageException;

    /**
     * Decodes the first frame with EXIF orientation applied. The header is checked against
     * {@link EngineLimits#maxPixels()} before any pixel memory is allocated.
     */
    Picture decode(Path file, EngineLimits limits) throws ImageException;

    /**
     * Decodes a reduced copy whose longer side is at most {@code maxSide} (thumbnails, previews).
     * Implementations should use subsampling so a 24MP file never becomes a full raster.
     */
    Picture decodeThumbnail(Path file, int maxSide, EngineLimits limits) throws ImageException;

    /**
     * Header-level facts for the {@code info} report. The default decodes a small thumbnail;
     * backends override it with a header-only read.
     */
    default ImageDetails details(Path file, EngineLimits limits) throws ImageException {
        ImageHeader header = probe(file);
        Picture thumb = decodeThumbnail(file, 64, limits);
        java.awt.image.ColorModel cm = thumb.pixels().getColorModel();
        return new ImageDetails(header, cm.getNumComponents(), cm.hasAlpha(), 8, 0, 0, thumb.metadata());
    }

    /** Encodes according to {@link Picture#output()}, writing metadata that was kept. */
    void encode(Picture picture, OutputStream out) throws ImageException;
}
