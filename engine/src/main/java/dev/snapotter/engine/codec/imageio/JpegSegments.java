package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.ImageException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the marker segments of a JPEG up to the first scan (SOS), without decoding anything.
 * Used for metadata extraction and the lossless metadata strip. Bounded so a file made of
 * millions of APP segments cannot exhaust memory.
 */
public final class JpegSegments {

    public static final int SOI = 0xD8;
    public static final int EOI = 0xD9;
    public static final int SOS = 0xDA;
    public static final int APP0 = 0xE0;
    public static final int APP1 = 0xE1;
    public static final int APP2 = 0xE2;
    public static final int APP14 = 0xEE;
    public static final int COM = 0xFE;
    static final long MAX_HEADER_BYTES = 64L << 20;
    static final int MAX_STRAY_BYTES = 1 << 16;

    /** One marker segment; {@code payload} excludes the marker and the two length bytes. */
    public record Segment(int marker, byte[] payload) {
        public boolean isSof() {
            return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        }

        public boolean startsWith(String prefix) {
            if (payload.length < prefix.length()) return false;
            for (int i = 0; i < prefix.length(); i++) if ((payload[i] & 0xff) != prefix.charAt(i)) return false;
            return true;
        }
    }

    private JpegSegments() {
    }

    /**
     * Reads SOI and every segment up to and including SOS. The stream is left positioned at the
     * first byte of entropy-coded data.
     */
    public static List<Segment> readHeader(InputStream in) throws IOException {
        if (in.read() != 0xFF || in.read() != SOI) throw corrupt("missing JPEG start-of-image marker");
        List<Segment> segments = new ArrayList<>();
        long total = 0;
        while (true) {
            int marker = nextMarker(in);
            if (marker == EOI) throw corrupt("JPEG ends before any image data");
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue; // no payload
            int len = readU16(in);
            if (len < 2) throw corrupt("JPEG segment 0x" + Integer.toHexString(marker) + " has an invalid length " + len);
            byte[] payload = in.readNBytes(len - 2);
            if (payload.length != len - 2) throw new EOFException("JPEG segment cut short");
            total += len;
            if (total > MAX_HEADER_BYTES) throw corrupt("JPEG header segments exceed " + (MAX_HEADER_BYTES >> 20) + " MB");
            segments.add(new Segment(marker, payload));
            if (marker == SOS) return segments;
        }
    }

    /** Like libjpeg, skips stray bytes between segments (written by some broken tools), within a bound. */
    private static int nextMarker(InputStream in) throws IOException {
        int c = in.read();
        int skipped = 0;
        while (c >= 0 && c != 0xFF) {
            if (++skipped > MAX_STRAY_BYTES) throw corrupt("JPEG header is malformed (no marker where one was expected)");
            c = in.read();
        }
        if (c < 0) throw new EOFException("JPEG header cut short");
        do {
            c = in.read();
        } while (c == 0xFF); // fill bytes
        if (c < 0) throw new EOFException("JPEG header cut short");
        return c;
    }

    static int readU16(InputStream in) throws IOException {
        int a = in.read();
        int b = in.read();
        if ((a | b) < 0) throw new EOFException("JPEG header cut short");
        return a << 8 | b;
    }

    private static ImageException corrupt(String message) {
        return new ImageException(ImageException.Kind.CORRUPT, message);
    }
}
