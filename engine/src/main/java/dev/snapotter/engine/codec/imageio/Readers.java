package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageFormat;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Picks the ImageIO reader for a sniffed format. For JPEG the JDK's own reader comes first
 * (faster, perf-anchors §4b) and TwelveMonkeys' is the fallback for CMYK/YCCK and broken files.
 */
final class Readers {

    private Readers() {
    }

    enum JpegFlavour { JDK, TWELVEMONKEYS }

    static ImageReader jpeg(JpegFlavour flavour) {
        String prefix = flavour == JpegFlavour.JDK ? "com.sun." : "com.twelvemonkeys.";
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().startsWith(prefix)) return r;
        }
        throw new ImageException(ImageException.Kind.UNSUPPORTED_FORMAT, "no " + flavour + " JPEG reader is installed");
    }

    /** A reader for {@code format} that accepts this stream's content. */
    static ImageReader forFormat(ImageFormat format, ImageInputStream iis) {
        if (format == ImageFormat.JPEG) return jpeg(JpegFlavour.JDK);
        if (format == ImageFormat.AVIF || format == ImageFormat.HEIF) {
            throw new ImageException(ImageException.Kind.UNSUPPORTED_FORMAT, Failures.label(format)
                    + " input is not supported by the java backend (the native backend will add it)");
        }
        List<String> names = formatNames(format);
        Iterator<ImageReader> it = ImageIO.getImageReaders(iis);
        while (it.hasNext()) {
            ImageReader r = it.next();
            for (String n : r.getOriginatingProvider().getFormatNames()) {
                if (names.contains(n.toLowerCase(Locale.ROOT))) return r;
            }
            r.dispose();
        }
        throw new ImageException(ImageException.Kind.CORRUPT, "the file starts like " + Failures.label(format)
                + " but no reader accepts its header");
    }

    private static List<String> formatNames(ImageFormat f) {
        return switch (f) {
            case ICO -> List.of("ico", "cur");
            case PNM -> List.of("pnm", "pbm", "pgm", "ppm", "pam", "pfm");
            case TIFF -> List.of("tiff", "tif");
            default -> List.of(f.extension(), f.name().toLowerCase(Locale.ROOT));
        };
    }
}
