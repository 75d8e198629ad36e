package dev.snapotter.engine.codec.vips;

import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.imageio.MetadataSplice;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Makes libvips output carry exactly the metadata the Java path would write: the ICC/EXIF/XMP that passed the
 * Java gate (malformed EXIF and ICC bombs dropped) and that no tool removed, never what libvips' own loaders
 * read from the file.
 * <ul>
 *   <li>JPEG and PNG: libvips saves with {@code strip}; the Java embedder splices the metadata in
 *       ({@link MetadataSplice}), so both backends write the same segments/chunks.</li>
 *   <li>WebP, AVIF, HEIC: libvips' own copies are replaced by ours and libvips writes them (Java cannot write these).</li>
 *   <li>TIFF, GIF: written without metadata, like the Java encoder.</li>
 * </ul>
 */
final class MetadataTransfer {

    private static final String[] VIPS_BLOBS = {"icc-profile-data", "exif-data", "xmp-data", "iptc-data", "photoshop-data"};

    private MetadataTransfer() {
    }

    /** True when libvips should write metadata itself (after {@link #prepare}); otherwise it saves with {@code strip}. */
    static boolean vipsWrites(ImageFormat format, ImageMetadata meta) {
        return !meta.isEmpty() && (format == ImageFormat.WEBP || format == ImageFormat.AVIF || format == ImageFormat.HEIF);
    }

    /** Replaces libvips' metadata on {@code img} (a reference this caller may edit) with ours, for formats libvips writes it for. */
    static void prepare(Vips vips, VipsImage img, ImageFormat format, ImageMetadata meta) {
        if (!vipsWrites(format, meta)) return; // saved with strip: nothing of libvips' reaches the file
        for (String name : VIPS_BLOBS) vips.remove(img, name);
        if (meta.icc() != null) vips.setBlob(img, "icc-profile-data", meta.icc());
        if (meta.exif() != null) {
            vips.setBlob(img, "exif-data", exifWithHeader(meta.exif()));
            vips.setInt(img, "orientation", 1); // pixels are upright
        }
        if (meta.xmp() != null) vips.setBlob(img, "xmp-data", meta.xmp());
    }

    /** Writes libvips' encoded bytes, splicing our metadata into JPEG/PNG. */
    static void write(byte[] encoded, ImageFormat format, ImageMetadata meta, int bands, OutputStream out) throws IOException {
        if (MetadataSplice.supports(format) && !meta.isEmpty()) {
            int colour = bands >= 3 ? 3 : 1;
            MetadataSplice.write(encoded, format, meta, colour, out);
        } else {
            out.write(encoded);
            out.flush();
        }
    }

    /** libvips expects the APP1 payload including "Exif\0\0"; the engine keeps the TIFF block without it. */
    static byte[] exifWithHeader(byte[] exif) {
        if (exif.length >= 6 && exif[0] == 'E' && exif[1] == 'x' && exif[2] == 'i' && exif[3] == 'f') return exif;
        byte[] out = new byte[exif.length + 6];
        out[0] = 'E';
        out[1] = 'x';
        out[2] = 'i';
        out[3] = 'f';
        System.arraycopy(exif, 0, out, 6, exif.length);
        return out;
    }
}
