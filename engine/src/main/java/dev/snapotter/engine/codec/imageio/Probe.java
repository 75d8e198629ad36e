package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageHeader;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads only headers: the sniffed format, the container's metadata and the declared size.
 * No pixel memory is allocated here, which is what makes the megapixel check a real
 * decompression-bomb guard.
 *
 * @param header what the file declares
 * @param source container metadata (ICC/EXIF/XMP, orientation)
 */
record Probe(ImageHeader header, SourceMetadata source) {

    static Probe of(Path file) {
        ImageFormat format = FormatSniffer.sniff(file);
        SourceMetadata source = MetadataExtractor.extract(file, format);
        int width = source.width();
        int height = source.height();
        int frames = source.frames();
        int[] icon = format == ImageFormat.ICO ? IcoDirectory.firstPayloadSize(file) : null;
        if (icon != null) {
            width = icon[0];
            height = icon[1];
            frames = IcoDirectory.entries(file);
        } else if (!containerKnowsSize(format) || needsReaderForFrames(format)) {
            int[] fromReader = fromReader(file, format);
            width = fromReader[0];
            height = fromReader[1];
            frames = fromReader[2];
        }
        if (width <= 0 || height <= 0) {
            throw new ImageException(ImageException.Kind.CORRUPT, "the " + Failures.label(format)
                    + " file declares invalid dimensions " + Integer.toUnsignedString(width) + "×" + Integer.toUnsignedString(height));
        }
        return new Probe(new ImageHeader(format, width, height, frames, source.orientation()), source);
    }

    /** JPEG (SOF) and PNG (IHDR) sizes come from our own header parse; other formats ask ImageIO. */
    private static boolean containerKnowsSize(ImageFormat f) {
        return f == ImageFormat.JPEG || f == ImageFormat.PNG;
    }

    private static boolean needsReaderForFrames(ImageFormat f) {
        return f == ImageFormat.TIFF || f == ImageFormat.GIF || f == ImageFormat.ICO;
    }

    /** Width, height and frame count as the ImageIO reader sees them (header only). */
    private static int[] fromReader(Path file, ImageFormat format) {
        try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
            if (iis == null) throw new ImageException(ImageException.Kind.IO, "cannot open " + file.getFileName());
            ImageReader reader = Readers.forFormat(format, iis);
            try {
                reader.setInput(iis, false, true);
                int frames = reader.getNumImages(format == ImageFormat.TIFF || format == ImageFormat.GIF || format == ImageFormat.ICO);
                return new int[]{reader.getWidth(0), reader.getHeight(0), Math.max(1, frames)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw Failures.translate(e, format);
        } catch (OutOfMemoryError e) {
            throw Failures.translate(e, format);
        }
    }
}
