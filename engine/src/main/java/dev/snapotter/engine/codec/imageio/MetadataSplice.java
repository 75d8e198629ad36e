package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageMetadata;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Adds the engine's metadata to a JPEG or PNG that another encoder (libvips) wrote without any, byte for byte
 * the way the Java encoder embeds it (same segments/chunks, same place, EXIF orientation reset to 1, ICC only
 * when it fits the pixels). So both backends write identical metadata and a stripped picture stays stripped.
 */
public final class MetadataSplice {

    private MetadataSplice() {
    }

    public static boolean supports(ImageFormat format) {
        return format == ImageFormat.JPEG || format == ImageFormat.PNG;
    }

    /**
     * @param encoded    the complete file, written without metadata
     * @param components colour components of the pixels (1 grey, 3 RGB; alpha not counted)
     */
    public static void write(byte[] encoded, ImageFormat format, ImageMetadata metadata, int components, OutputStream out) throws IOException {
        if (!supports(format)) throw new IllegalArgumentException(format + " has no metadata splice");
        OutputStream o = format == ImageFormat.JPEG ? MetadataEmbedder.jpeg(out, metadata, components)
                : MetadataEmbedder.png(out, metadata, components == 1);
        o.write(encoded);
        if (o instanceof SplicingOutputStream s) s.finish();
        o.flush();
    }
}
