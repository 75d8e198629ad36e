package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.codec.ImageMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes kept metadata back into encoded files: JPEG as APP1 (EXIF, XMP) and APP2 (ICC, chunked)
 * segments after the JFIF segment, PNG as iCCP, eXIf and iTXt chunks after IHDR. EXIF orientation
 * is reset to 1 because the pixels were turned upright on decode.
 */
final class MetadataEmbedder {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataEmbedder.class);
    private static final int MAX_SEGMENT_PAYLOAD = 65533;
    private static final int ICC_CHUNK = MAX_SEGMENT_PAYLOAD - 14;

    private MetadataEmbedder() {
    }

    /** Wraps {@code out} so the JPEG written through it carries the metadata. */
    static OutputStream jpeg(OutputStream out, ImageMetadata m, int components) {
        byte[] segments = jpegSegments(m, components);
        if (segments.length == 0) return out;
        return new SplicingOutputStream(out, 6, MetadataEmbedder::afterJfif, segments);
    }

    static OutputStream png(OutputStream out, ImageMetadata m, boolean gray) {
        byte[] chunks = pngChunks(m, gray);
        if (chunks.length == 0) return out;
        return new SplicingOutputStream(out, 33, h -> 33, chunks); // signature (8) + IHDR (25)
    }

    static int afterJfif(byte[] h) {
        boolean jfif = h.length >= 6 && (h[2] & 0xff) == 0xFF && (h[3] & 0xff) == JpegSegments.APP0;
        return jfif ? 4 + ((h[4] & 0xff) << 8 | (h[5] & 0xff)) : 2;
    }

    static byte[] jpegSegments(ImageMetadata m, int components) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] exif = uprightExif(m.exif());
        if (exif != null) segment(out, JpegSegments.APP1, concat(MetadataExtractor.EXIF_PREFIX.getBytes(StandardCharsets.ISO_8859_1), exif));
        if (m.xmp() != null) segment(out, JpegSegments.APP1, concat(MetadataExtractor.XMP_PREFIX.getBytes(StandardCharsets.ISO_8859_1), m.xmp()));
        if (iccFits(m.icc(), components)) {
            byte[] icc = m.icc();
            int count = (icc.length + ICC_CHUNK - 1) / ICC_CHUNK;
            for (int i = 0; i < count && count < 256; i++) {
                ByteArrayOutputStream p = new ByteArrayOutputStream();
                p.writeBytes(MetadataExtractor.ICC_PREFIX.getBytes(StandardCharsets.ISO_8859_1));
                p.write(i + 1);
                p.write(count);
                p.write(icc, i * ICC_CHUNK, Math.min(ICC_CHUNK, icc.length - i * ICC_CHUNK));
                segment(out, JpegSegments.APP2, p.toByteArray());
            }
        }
        return out.toByteArray();
    }

    static byte[] pngChunks(ImageMetadata m, boolean gray) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (iccFits(m.icc(), gray ? 1 : 3)) {
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            p.writeBytes("icc".getBytes(StandardCharsets.ISO_8859_1));
            p.write(0);
            p.write(0); // compression method: deflate
            p.writeBytes(deflate(m.icc()));
            chunk(out, "iCCP", p.toByteArray());
        }
        byte[] exif = uprightExif(m.exif());
        if (exif != null) chunk(out, "eXIf", exif);
        if (m.xmp() != null) {
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            p.writeBytes(PngChunks.XMP_KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
            p.writeBytes(new byte[]{0, 0, 0, 0, 0}); // nul, uncompressed, method, empty language, empty translation
            p.writeBytes(m.xmp());
            chunk(out, "iTXt", p.toByteArray());
        }
        return out.toByteArray();
    }

    /** The EXIF block with orientation 1, or null when absent or unreadable. */
    private static byte[] uprightExif(byte[] exif) {
        if (exif == null) return null;
        try {
            return ExifTiff.of(exif).withOrientationReset();
        } catch (ExifTiff.MalformedExifException e) {
            LOG.debug("not writing malformed EXIF: {}", e.getMessage());
            return null;
        }
    }

    /** An ICC profile is only written where its colour space matches the pixels (RGB or gray). */
    static boolean iccFits(byte[] icc, int components) {
        if (icc == null || icc.length < 20) return false;
        String space = new String(icc, 16, 4, StandardCharsets.US_ASCII);
        return components == 1 ? space.equals("GRAY") : space.equals("RGB ");
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        if (payload.length > MAX_SEGMENT_PAYLOAD - 2) {
            LOG.debug("metadata segment of {} bytes does not fit a JPEG segment; dropped", payload.length);
            return;
        }
        out.write(0xFF);
        out.write(marker);
        int len = payload.length + 2;
        out.write(len >> 8);
        out.write(len);
        out.writeBytes(payload);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        int len = data.length;
        out.writeBytes(new byte[]{(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        out.writeBytes(new byte[]{(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream d = new DeflaterOutputStream(bytes, deflater)) {
            d.write(data);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } finally {
            deflater.end(); // a Deflater passed in is not ended by the stream
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
