package dev.snapotter.engine.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds small big-endian EXIF (TIFF) blocks for tests: IFD0 with Make, Model, Orientation and
 * optionally a GPS IFD with latitude (an out-of-line rational triple, so erasure can be checked).
 */
public final class ExifBuilder {

    private int orientation = 1;
    private boolean gps;
    private String make = "OtterCam";
    private String model = "Model 7";

    public static ExifBuilder exif() {
        return new ExifBuilder();
    }

    public ExifBuilder orientation(int o) {
        this.orientation = o;
        return this;
    }

    public ExifBuilder withGps() {
        this.gps = true;
        return this;
    }

    public ExifBuilder camera(String make, String model) {
        this.make = make;
        this.model = model;
        return this;
    }

    /** The latitude seconds value written into the GPS IFD, easy to search for in output bytes. */
    public static final int GPS_MARKER_SECONDS = 0x1234ABCD;

    public byte[] build() {
        byte[] makeBytes = outOfLine(make);
        byte[] modelBytes = outOfLine(model);
        int entries = gps ? 4 : 3;
        int ifd0 = 8;
        int ifd0Size = 2 + entries * 12 + 4;
        int makeOff = ifd0 + ifd0Size;
        int modelOff = makeOff + makeBytes.length;
        int gpsIfd = modelOff + modelBytes.length;
        int gpsSize = 2 + 2 * 12 + 4;
        int latOff = gpsIfd + gpsSize;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[]{'M', 'M', 0, 42});
        u32(o, ifd0);
        u16(o, entries);
        entry(o, 0x010F, 2, makeBytes.length, makeOff);
        entry(o, 0x0110, 2, modelBytes.length, modelOff);
        entryShort(o, 0x0112, orientation);
        if (gps) entry(o, 0x8825, 4, 1, gpsIfd);
        u32(o, 0);
        o.writeBytes(makeBytes);
        o.writeBytes(modelBytes);
        if (gps) {
            u16(o, 2);
            entry(o, 0x0001, 2, 2, 'N' << 24); // GPSLatitudeRef "N\0" inline
            entry(o, 0x0002, 5, 3, latOff);    // GPSLatitude, 3 rationals out of line
            u32(o, 0);
            u32(o, 48);
            u32(o, 1);
            u32(o, 51);
            u32(o, 1);
            u32(o, GPS_MARKER_SECONDS);
            u32(o, 100);
        }
        return o.toByteArray();
    }

    /** NUL-terminated and at least 5 bytes, so the value is stored out of line as this builder lays it out. */
    private static byte[] outOfLine(String s) {
        byte[] b = (s + "\0").getBytes(StandardCharsets.US_ASCII);
        return b.length > 4 ? b : java.util.Arrays.copyOf(b, 5);
    }

    private static void entry(ByteArrayOutputStream o, int tag, int type, int count, int value) {
        u16(o, tag);
        u16(o, type);
        u32(o, count);
        u32(o, value);
    }

    private static void entryShort(ByteArrayOutputStream o, int tag, int value) {
        u16(o, tag);
        u16(o, 3);
        u32(o, 1);
        u16(o, value);
        u16(o, 0);
    }

    private static void u16(ByteArrayOutputStream o, int v) {
        o.write(v >> 8);
        o.write(v);
    }

    private static void u32(ByteArrayOutputStream o, int v) {
        o.write(v >>> 24);
        o.write(v >>> 16);
        o.write(v >>> 8);
        o.write(v);
    }
}
