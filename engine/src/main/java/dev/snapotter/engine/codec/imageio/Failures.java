package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageFormat;

import java.io.EOFException;
import java.util.Locale;
import java.util.zip.ZipException;

/** Turns whatever ImageIO and its plug-ins throw into one {@link ImageException} with a readable message. */
final class Failures {

    private Failures() {
    }

    static ImageException translate(Throwable t, ImageFormat format) {
        if (t instanceof ImageException ie) return ie;
        String name = label(format);
        if (t instanceof OutOfMemoryError) {
            return new ImageException(ImageException.Kind.MEMORY_BUDGET,
                    "not enough memory to decode this " + name + " image; lower the megapixel limit or give the process more memory");
        }
        if (isTruncation(t)) {
            return new ImageException(ImageException.Kind.TRUNCATED, "the " + name + " file is truncated (data ends early)", t);
        }
        String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new ImageException(ImageException.Kind.CORRUPT, "the " + name + " file is corrupt and cannot be decoded: " + detail, t);
    }

    static boolean isTruncation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof EOFException) return true;
            if (c instanceof ZipException z && z.getMessage() != null && z.getMessage().contains("end of")) return true;
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("premature end") || m.contains("unexpected end") || m.contains("end of stream")
                    || m.contains("unexpected eof") || m.contains("truncated")) return true;
        }
        return false;
    }

    static String label(ImageFormat format) {
        return format == null ? "image" : format.extension().toUpperCase(Locale.ROOT).replace("JPG", "JPEG");
    }
}
