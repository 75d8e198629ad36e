package dev.snapotter.engine.codec.imageio;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small, bounds-checked reader and editor of an EXIF block (a TIFF structure). It reads
 * orientation, GPS presence and a few summary fields, resets orientation after the pixels were
 * rotated, and erases the GPS IFD. Anything malformed raises {@link MalformedExifException}
 * so the caller can drop the block instead of failing the image.
 */
public final class ExifTiff {

    static final int TAG_ORIENTATION = 0x0112;
    static final int TAG_EXIF_IFD = 0x8769;
    static final int TAG_GPS_IFD = 0x8825;
    private static final int[] TYPE_SIZE = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};
    private static final int MAX_ENTRIES = 1000;

    private final byte[] b;
    private final boolean little;

    private ExifTiff(byte[] tiff) {
        this.b = tiff;
        if (tiff.length < 8) throw new MalformedExifException("EXIF block shorter than a TIFF header");
        if (tiff[0] == 'I' && tiff[1] == 'I') little = true;
        else if (tiff[0] == 'M' && tiff[1] == 'M') little = false;
        else throw new MalformedExifException("EXIF block has no TIFF byte-order mark");
        if (u16(2) != 42) throw new MalformedExifException("EXIF block has a bad TIFF magic number");
    }

    public static ExifTiff of(byte[] tiff) {
        return new ExifTiff(tiff);
    }

    /** EXIF orientation 1..8; 1 when absent or out of range. */
    public int orientation() {
        int off = findEntry(ifd0(), TAG_ORIENTATION);
        if (off < 0) return 1;
        int v = u16(off + 8);
        return v >= 1 && v <= 8 ? v : 1;
    }

    public boolean hasGps() {
        return findEntry(ifd0(), TAG_GPS_IFD) >= 0;
    }

    /** A copy with orientation set to 1 (the pixels were already turned upright). */
    public byte[] withOrientationReset() {
        byte[] copy = b.clone();
        int off = findEntry(ifd0(), TAG_ORIENTATION);
        if (off >= 0) {
            put16(copy, off + 8, 1);
        }
        return copy;
    }

    /**
     * A copy without GPS: the GPS IFD and its out-of-line values are overwritten with zeros
     * (so the coordinates cannot be recovered from the bytes) and the pointer entry is removed.
     */
    public byte[] withoutGps() {
        int ifd0 = ifd0();
        int ptr = findEntry(ifd0, TAG_GPS_IFD);
        if (ptr < 0) return b.clone();
        byte[] copy = b.clone();
        long gps = u32(ptr + 8);
        if (gps > 0 && gps + 2 <= b.length) wipeIfd(copy, (int) gps);
        int count = u16(ifd0);
        int end = ifd0 + 2 + count * 12 + 4;
        // shift the following entries and the next-IFD offset down over the removed entry
        System.arraycopy(copy, ptr + 12, copy, ptr, end - (ptr + 12));
        Arrays.fill(copy, end - 12, end, (byte) 0);
        put16(copy, ifd0, count - 1);
        return copy;
    }

    /** Human-meaningful fields for the {@code info} report; unknown types are skipped. */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        int ifd0 = ifd0();
        text(ifd0, 0x010F, "make", out);
        text(ifd0, 0x0110, "model", out);
        text(ifd0, 0x0131, "software", out);
        text(ifd0, 0x0132, "dateTime", out);
        out.put("orientation", orientation());
        int exifPtr = findEntry(ifd0, TAG_EXIF_IFD);
        if (exifPtr >= 0) {
            int exif = checkedOffset(u32(exifPtr + 8));
            text(exif, 0x9003, "dateTimeOriginal", out);
            rational(exif, 0x829A, "exposureTime", out);
            rational(exif, 0x829D, "fNumber", out);
            number(exif, 0x8827, "iso", out);
            rational(exif, 0x920A, "focalLength", out);
            text(exif, 0xA434, "lensModel", out);
        }
        out.put("gps", hasGps());
        return out;
    }

    private void wipeIfd(byte[] copy, int ifd) {
        int count = u16(ifd);
        if (count > MAX_ENTRIES || ifd + 2 + count * 12L + 4 > b.length) throw new MalformedExifException("GPS IFD is out of bounds");
        for (int i = 0; i < count; i++) {
            int e = ifd + 2 + i * 12;
            long size = valueSize(e);
            if (size > 4) {
                long off = u32(e + 8);
                if (off + size <= b.length) Arrays.fill(copy, (int) off, (int) (off + size), (byte) 0);
            }
        }
        Arrays.fill(copy, ifd, ifd + 2 + count * 12 + 4, (byte) 0);
    }

    private int ifd0() {
        return checkedOffset(u32(4));
    }

    private int checkedOffset(long off) {
        if (off < 8 || off + 2 > b.length) throw new MalformedExifException("EXIF IFD offset " + off + " is out of bounds");
        int count = u16((int) off);
        if (count > MAX_ENTRIES || off + 2 + count * 12L > b.length) throw new MalformedExifException("EXIF IFD entries run past the block");
        return (int) off;
    }

    /** The entry's offset, or -1. */
    private int findEntry(int ifd, int tag) {
        int count = u16(ifd);
        for (int i = 0; i < count; i++) {
            int e = ifd + 2 + i * 12;
            if (u16(e) == tag) return e;
        }
        return -1;
    }

    private long valueSize(int entry) {
        int type = u16(entry + 2);
        int unit = type < TYPE_SIZE.length ? TYPE_SIZE[type] : 1;
        return unit * u32(entry + 4);
    }

    /** Where the entry's value bytes are, or -1 when they lie outside the block. */
    private int valueOffset(int entry) {
        long size = valueSize(entry);
        if (size <= 4) return entry + 8;
        long off = u32(entry + 8);
        return off + size <= b.length ? (int) off : -1;
    }

    private void text(int ifd, int tag, String key, Map<String, Object> out) {
        int e = findEntry(ifd, tag);
        if (e < 0 || u16(e + 2) != 2) return;
        int off = valueOffset(e);
        int len = (int) Math.min(u32(e + 4), 256);
        if (off < 0) return;
        String s = new String(b, off, Math.min(len, b.length - off), StandardCharsets.ISO_8859_1);
        int nul = s.indexOf('\0');
        s = (nul >= 0 ? s.substring(0, nul) : s).strip();
        if (!s.isEmpty()) out.put(key, s);
    }

    private void rational(int ifd, int tag, String key, Map<String, Object> out) {
        int e = findEntry(ifd, tag);
        if (e < 0 || u16(e + 2) != 5) return;
        int off = valueOffset(e);
        if (off < 0) return;
        long num = u32(off);
        long den = u32(off + 4);
        if (den != 0) out.put(key, num >= den || num == 0 ? (double) num / den : num + "/" + den);
    }

    private void number(int ifd, int tag, String key, Map<String, Object> out) {
        int e = findEntry(ifd, tag);
        if (e < 0) return;
        int type = u16(e + 2);
        if (type == 3) out.put(key, u16(e + 8));
        else if (type == 4) out.put(key, u32(e + 8));
    }

    private int u16(int off) {
        if (off < 0 || off + 2 > b.length) throw new MalformedExifException("EXIF read past the block at " + off);
        int a = b[off] & 0xff;
        int c = b[off + 1] & 0xff;
        return little ? a | c << 8 : a << 8 | c;
    }

    private long u32(int off) {
        if (off < 0 || off + 4 > b.length) throw new MalformedExifException("EXIF read past the block at " + off);
        long x = little
                ? (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24
                : (b[off] & 0xffL) << 24 | (b[off + 1] & 0xffL) << 16 | (b[off + 2] & 0xffL) << 8 | (b[off + 3] & 0xffL);
        return x;
    }

    private void put16(byte[] target, int off, int v) {
        if (little) {
            target[off] = (byte) v;
            target[off + 1] = (byte) (v >> 8);
        } else {
            target[off] = (byte) (v >> 8);
            target[off + 1] = (byte) v;
        }
    }

    /** The EXIF block is broken; callers drop it and carry on with the pixels. */
    public static final class MalformedExifException extends RuntimeException {
        MalformedExifException(String message) {
            super(message);
        }
    }
}
