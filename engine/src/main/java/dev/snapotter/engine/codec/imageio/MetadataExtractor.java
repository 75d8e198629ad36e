package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Pulls ICC, EXIF and XMP out of JPEG, PNG and WebP containers without decoding pixels. */
final class MetadataExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataExtractor.class);
    static final String EXIF_PREFIX = "Exif\0\0";
    static final String XMP_PREFIX = "http://ns.adobe.com/xap/1.0/\0";
    static final String ICC_PREFIX = "ICC_PROFILE\0";

    private MetadataExtractor() {
    }

    static SourceMetadata extract(Path file, ImageFormat format) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
            return switch (format) {
                case JPEG -> fromJpeg(JpegSegments.readHeader(in));
                case PNG -> fromPng(PngChunks.read(in));
                case WEBP -> fromWebp(WebpChunks.read(in));
                default -> SourceMetadata.NONE;
            };
        } catch (EOFException e) {
            throw new ImageException(ImageException.Kind.TRUNCATED, "the " + format.extension().toUpperCase()
                    + " file is truncated (its header ends early)", e);
        } catch (IOException e) {
            throw new ImageException(ImageException.Kind.IO, "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static SourceMetadata fromJpeg(List<JpegSegments.Segment> segments) {
        byte[] exif = null;
        byte[] xmp = null;
        byte[][] iccParts = null;
        int width = 0;
        int height = 0;
        int components = 0;
        boolean sof = false;
        for (JpegSegments.Segment s : segments) {
            if (s.marker() == JpegSegments.APP1 && exif == null && s.startsWith(EXIF_PREFIX)) {
                exif = Arrays.copyOfRange(s.payload(), EXIF_PREFIX.length(), s.payload().length);
            } else if (s.marker() == JpegSegments.APP1 && xmp == null && s.startsWith(XMP_PREFIX)) {
                xmp = Arrays.copyOfRange(s.payload(), XMP_PREFIX.length(), s.payload().length);
            } else if (s.marker() == JpegSegments.APP2 && s.startsWith(ICC_PREFIX) && s.payload().length > 14) {
                iccParts = addIccPart(iccParts, s.payload());
            } else if (s.isSof() && !sof && s.payload().length >= 6) {
                sof = true;
                byte[] p = s.payload();
                height = (p[1] & 0xff) << 8 | (p[2] & 0xff);
                width = (p[3] & 0xff) << 8 | (p[4] & 0xff);
                components = p[5] & 0xff;
            }
        }
        if (!sof) {
            throw new ImageException(ImageException.Kind.CORRUPT, "the JPEG has no frame header (SOF)");
        }
        return withExif(iccJoin(iccParts), exif, xmp, width, height, 1, components);
    }

    static SourceMetadata fromPng(PngChunks.Found f) {
        return withExif(f.icc(), f.exif(), f.xmp(), f.width(), f.height(), f.frames(), 0);
    }

    static SourceMetadata fromWebp(WebpChunks.Found f) {
        byte[] exif = f.exif();
        // Some writers keep the "Exif\0\0" prefix inside the WebP chunk.
        if (exif != null && exif.length > 6 && new String(exif, 0, 6, java.nio.charset.StandardCharsets.ISO_8859_1).equals(EXIF_PREFIX)) {
            exif = Arrays.copyOfRange(exif, 6, exif.length);
        }
        return withExif(f.icc(), exif, f.xmp(), f.width(), f.height(), f.frames(), 0);
    }

    /** Parses the EXIF block once; a malformed block is dropped (the pixels are still good). */
    private static SourceMetadata withExif(byte[] icc, byte[] exif, byte[] xmp, int w, int h, int frames, int comps) {
        int orientation = 1;
        boolean gps = false;
        String problem = null;
        if (exif != null) {
            try {
                ExifTiff tiff = ExifTiff.of(exif);
                orientation = tiff.orientation();
                gps = tiff.hasGps();
            } catch (ExifTiff.MalformedExifException e) {
                LOG.debug("dropping malformed EXIF: {}", e.getMessage());
                problem = e.getMessage();
                exif = null;
            }
        }
        return new SourceMetadata(new ImageMetadata(icc, exif, xmp, gps), orientation, w, h, frames, comps, problem);
    }

    private static byte[][] addIccPart(byte[][] parts, byte[] payload) {
        int seq = payload[12] & 0xff;
        int count = payload[13] & 0xff;
        if (count == 0 || seq == 0 || seq > count) return parts;
        byte[][] p = parts == null || parts.length != count ? new byte[count][] : parts;
        p[seq - 1] = Arrays.copyOfRange(payload, 14, payload.length);
        return p;
    }

    /** Joins ICC chunks; a profile with a missing chunk is dropped rather than written broken. */
    private static byte[] iccJoin(byte[][] parts) {
        if (parts == null) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            if (part == null) return null;
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
