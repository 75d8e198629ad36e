package dev.snapotter.engine.codec.imageio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Segment-level metadata removal for the lossless JPEG path. APP0 (JFIF) and APP14 (Adobe, the
 * colour-transform flag needed to decode CMYK/YCCK correctly) are always kept. When EXIF goes but
 * the picture was stored rotated, a minimal EXIF block with only the orientation tag is written
 * so the image still displays upright.
 */
public final class JpegMetadataEdit {

    private static final String XMP_EXTENSION = "http://ns.adobe.com/xmp/extension/\0";

    /** What to remove; {@code all} removes every APP1..APP15 segment except APP14, and comments. */
    public record Strip(boolean exif, boolean gps, boolean icc, boolean xmp, boolean all) {
    }

    private JpegMetadataEdit() {
    }

    public static UnaryOperator<List<JpegSegments.Segment>> of(Strip strip) {
        return segments -> apply(segments, strip);
    }

    static List<JpegSegments.Segment> apply(List<JpegSegments.Segment> in, Strip s) {
        List<JpegSegments.Segment> out = new ArrayList<>();
        int orientation = 1;
        boolean exifKept = false;
        for (JpegSegments.Segment seg : in) {
            boolean isExif = seg.marker() == JpegSegments.APP1 && seg.startsWith(MetadataExtractor.EXIF_PREFIX);
            if (isExif) orientation = orientationOf(seg);
            boolean drop = dropped(seg, isExif, s);
            if (!drop && isExif && s.gps()) seg = withoutGps(seg);
            if (!drop && seg != null && s.gps() && seg.marker() == JpegSegments.APP1 && seg.startsWith(MetadataExtractor.XMP_PREFIX)) seg = xmpWithoutGps(seg);
            if (!drop) {
                exifKept |= isExif && seg != null;
                if (seg != null) out.add(seg);
            }
        }
        if (!exifKept && orientation != 1) out.add(firstNonApp0(out), minimalExif(orientation));
        return out;
    }

    private static boolean dropped(JpegSegments.Segment seg, boolean isExif, Strip s) {
        int m = seg.marker();
        boolean app = m >= JpegSegments.APP1 && m <= 0xEF && m != JpegSegments.APP14;
        if (s.all() && (app || m == JpegSegments.COM)) return true;
        if (isExif) return s.exif();
        if (m == JpegSegments.APP1 && (seg.startsWith(MetadataExtractor.XMP_PREFIX) || seg.startsWith(XMP_EXTENSION))) return s.xmp();
        if (m == JpegSegments.APP2 && seg.startsWith(MetadataExtractor.ICC_PREFIX)) return s.icc();
        return false;
    }

    private static int orientationOf(JpegSegments.Segment seg) {
        try {
            return ExifTiff.of(tiff(seg)).orientation();
        } catch (ExifTiff.MalformedExifException e) {
            return 1;
        }
    }

    /** The EXIF segment without GPS, or null (dropped) when the block is too broken to edit safely. */
    private static JpegSegments.Segment withoutGps(JpegSegments.Segment seg) {
        try {
            byte[] tiff = ExifTiff.of(tiff(seg)).withoutGps();
            return new JpegSegments.Segment(JpegSegments.APP1, concat(MetadataExtractor.EXIF_PREFIX.getBytes(StandardCharsets.ISO_8859_1), tiff));
        } catch (ExifTiff.MalformedExifException e) {
            return null;
        }
    }

    private static JpegSegments.Segment xmpWithoutGps(JpegSegments.Segment seg) {
        byte[] prefix = MetadataExtractor.XMP_PREFIX.getBytes(StandardCharsets.ISO_8859_1);
        byte[] xmp = Arrays.copyOfRange(seg.payload(), prefix.length, seg.payload().length);
        return new JpegSegments.Segment(JpegSegments.APP1, concat(prefix, XmpGps.strip(xmp)));
    }

    private static byte[] tiff(JpegSegments.Segment seg) {
        return Arrays.copyOfRange(seg.payload(), MetadataExtractor.EXIF_PREFIX.length(), seg.payload().length);
    }

    private static int firstNonApp0(List<JpegSegments.Segment> out) {
        int i = 0;
        while (i < out.size() && out.get(i).marker() == JpegSegments.APP0) i++;
        return i;
    }

    /** "Exif\0\0" + a big-endian TIFF header with one IFD holding only Orientation. */
    static JpegSegments.Segment minimalExif(int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0, 0, 0};
        return new JpegSegments.Segment(JpegSegments.APP1, concat(MetadataExtractor.EXIF_PREFIX.getBytes(StandardCharsets.ISO_8859_1), tiff));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
