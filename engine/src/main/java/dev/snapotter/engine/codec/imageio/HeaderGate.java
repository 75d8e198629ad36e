package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageHeader;
import dev.snapotter.engine.codec.ImageMetadata;

import java.nio.file.Path;

/**
 * The pure-Java header checks, for other backends: the native libvips backend runs every file through
 * these before a single byte reaches native code, so both backends refuse the same hostile files for
 * the same reasons (format from magic bytes, dimensions from our own header parsers, megapixel and
 * memory limits, sanitised metadata). Nothing here decodes pixels.
 */
public final class HeaderGate {

    /** What the Java parsers read from a file's header. */
    public record Checked(ImageHeader header, ImageMetadata metadata) {
    }

    private HeaderGate() {
    }

    /** Format, size, frames, orientation and the ICC/EXIF/XMP to carry (bombs and malformed blocks dropped). */
    public static Checked probe(Path file) {
        Probe p = Probe.of(file);
        return new Checked(p.header(), p.source().metadata());
    }

    /** Same as {@link #probe} for the metadata only; for formats whose size the Java side cannot read. */
    public static ImageMetadata metadata(Path file, ImageFormat format) {
        return MetadataExtractor.extract(file, format).metadata();
    }

    /** TOO_LARGE / MEMORY_BUDGET from the header alone, with the Java backend's messages. */
    public static void checkLimits(ImageHeader header, EngineLimits limits, int subsampling) {
        Limits.check(header, limits, subsampling);
    }

    /** True when the file lacks its format's end marker (JPEG EOI, PNG IEND, GIF trailer): a failed decode was a truncation. */
    public static boolean trailerMissing(Path file, ImageFormat format) {
        return Trailers.missing(file, format);
    }

    /** "JPEG", "PNG", ... as used in error messages. */
    public static String label(ImageFormat format) {
        return Failures.label(format);
    }
}
