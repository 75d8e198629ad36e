package dev.snapotter.engine.codec.imageio;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Presents an ICC-tagged JPEG to the JDK reader without its APP2 profile segments. The JDK
 * reader would otherwise convert every pixel from the embedded profile to sRGB (slow, and the
 * kept profile would then describe the wrong values). The profile itself travels in
 * {@code ImageMetadata} and is written back on encode, as libvips does.
 */
final class IccHiddenJpeg {

    private IccHiddenJpeg() {
    }

    static ImageInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            var segments = JpegSegments.readHeader(raw); // leaves raw at the first scan byte
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(0xFF);
            head.write(JpegSegments.SOI);
            for (JpegSegments.Segment s : segments) {
                boolean icc = s.marker() == JpegSegments.APP2 && s.startsWith(MetadataExtractor.ICC_PREFIX);
                if (!icc) JpegLosslessCopy.writeSegment(head, s);
            }
            InputStream rest = new SequenceInputStream(new ByteArrayInputStream(head.toByteArray()), raw);
            return new ClosingCache(rest);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** A memory-cached stream that also closes the file underneath. */
    private static final class ClosingCache extends MemoryCacheImageInputStream {
        private final InputStream source;

        ClosingCache(InputStream source) {
            super(source);
            this.source = source;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                source.close();
            }
        }
    }
}
