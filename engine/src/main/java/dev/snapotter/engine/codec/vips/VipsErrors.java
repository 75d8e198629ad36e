package dev.snapotter.engine.codec.vips;

import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.imageio.HeaderGate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * libvips failures in the engine's terms, with the same kinds and wording as the Java backend
 * (see codec/imageio/Failures), so callers and the hostile corpus cannot tell the backends apart.
 */
final class VipsErrors {

    /** Phrases libjpeg, libpng, libtiff, libnsgif, libwebp and libvips use for data that ends early. */
    private static final List<String> TRUNCATION = List.of("premature end", "unexpected end", "truncated", "end of file",
            "end of stream", "out of data", "not enough data", "read error", "short read", "eof");

    private VipsErrors() {
    }

    /** A failure that may be another job's is not translated: it goes on to {@link Vips#job}, which re-runs the work alone. */
    static ImageException translate(VipsException e, Path file, ImageFormat format) {
        if (e.perhapsAnotherJobs()) throw e;
        String m = e.getMessage().toLowerCase(Locale.ROOT);
        String label = HeaderGate.label(format);
        if (TRUNCATION.stream().anyMatch(m::contains) || HeaderGate.trailerMissing(file, format)) {
            return new ImageException(ImageException.Kind.TRUNCATED, "the " + label + " file is truncated (data ends early)", e);
        }
        if (m.contains("out of memory")) {
            return new ImageException(ImageException.Kind.MEMORY_BUDGET, "libvips ran out of memory decoding the " + label + " file", e);
        }
        return new ImageException(ImageException.Kind.CORRUPT, "the " + label + " file is corrupt and cannot be decoded: " + e.getMessage(), e);
    }

    /**
     * The header of a HEIC/AVIF file could not be read. libheif says "unsupported" for containers that
     * hold no image it can decode (a bare ftyp box, an unknown codec): that is a format problem, not damage.
     */
    static ImageException translateHeader(VipsException e, ImageFormat format) {
        if (e.perhapsAnotherJobs()) throw e;
        String m = e.getMessage().toLowerCase(Locale.ROOT);
        String label = HeaderGate.label(format);
        // libheif checks the declared size (its 'ispe' box) against its own limit, 16384 × 16384 in 1.15, while
        // parsing the header, before our megapixel gate sees a size; smaller bombs reach the gate
        if (m.contains("security limit exceeded")) {
            return new ImageException(ImageException.Kind.TOO_LARGE, "the " + label + " file declares an image larger than "
                    + "libheif accepts; refused before decoding (" + e.getMessage().strip() + ")", e);
        }
        if (m.contains("unsupported") || m.contains("no 'meta'") || m.contains("no 'ftyp'") || m.contains("not a known file format")) {
            return new ImageException(ImageException.Kind.UNSUPPORTED_FORMAT, "not a supported image (a " + label
                    + " container without an image libheif can decode: " + e.getMessage() + ")", e);
        }
        return new ImageException(ImageException.Kind.CORRUPT, "the " + label + " file is corrupt and cannot be decoded: " + e.getMessage(), e);
    }
}
