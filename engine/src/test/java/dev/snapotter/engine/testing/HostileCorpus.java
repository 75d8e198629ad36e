package dev.snapotter.engine.testing;

import dev.snapotter.engine.ImageException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Files an image service must survive. Each entry says what the engine must do with it:
 * fail with an {@link ImageException} of {@link Entry#kind()} whose message contains
 * {@link Entry#message()}, or (kind null) decode normally because the damage is harmless.
 * Used by the engine's codec tests and, through the test-jar, by the server and CLI tests.
 */
public final class HostileCorpus {

    /**
     * @param name     short id for test names
     * @param fileName the name the file is stored under (the extension may lie on purpose)
     * @param bytes    file content
     * @param kind     expected failure, or null when the file must decode
     * @param message  fragment the error message must contain (or, for accepted files, why they are accepted)
     */
    public record Entry(String name, String fileName, byte[] bytes, ImageException.Kind kind, String message) {
        public boolean mustFail() {
            return kind != null;
        }

        public Path writeTo(Path dir) {
            return TestImages.write(dir, fileName, bytes);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private HostileCorpus() {
    }

    public static List<Entry> all() {
        byte[] jpeg = TestImages.jpeg(256, 192);
        byte[] png = TestImages.png(256, 192, false);
        byte[] webp = TestImages.sample("gradient-16x12.webp"); // lossless (VP8L); the JDK cannot write WebP
        return List.of(
                fail("zero-byte", "empty.jpg", new byte[0], ImageException.Kind.EMPTY, "empty"),
                fail("truncated-jpeg", "cut.jpg", Arrays.copyOf(jpeg, jpeg.length * 6 / 10), ImageException.Kind.TRUNCATED, "truncated"),
                fail("truncated-jpeg-header", "cut-header.jpg", Arrays.copyOf(jpeg, 12), ImageException.Kind.TRUNCATED, "truncated"),
                fail("truncated-png", "cut.png", Arrays.copyOf(png, png.length * 6 / 10), ImageException.Kind.TRUNCATED, "truncated"),
                fail("truncated-gif", "cut.gif", half(TestImages.encode(TestImages.pattern(200, 150, false), "gif")), ImageException.Kind.TRUNCATED, "truncated"),
                fail("truncated-tiff", "cut.tif", half(TestImages.encode(TestImages.pattern(200, 150, false), "tiff")), ImageException.Kind.TRUNCATED, "truncated"),
                fail("truncated-webp", "cut.webp", Arrays.copyOf(webp, webp.length * 6 / 10), ImageException.Kind.TRUNCATED, "truncated"),
                fail("corrupt-webp", "corrupt.webp", corruptWebp(webp), ImageException.Kind.CORRUPT, "WEBP"),
                fail("truncated-bmp", "cut.bmp", half(TestImages.encode(TestImages.pattern(200, 150, false), "bmp")), ImageException.Kind.TRUNCATED, "truncated"),
                accept("damaged-jpeg-scan", "damaged.jpg", damagedScan(jpeg), "a damaged scan that still ends with EOI decodes (libjpeg recovers)"),
                accept("junk-between-jpeg-segments", "junk.jpg", junkBetweenSegments(jpeg), "stray bytes between segments are skipped, as libjpeg does"),
                accept("wrong-extension", "really-a-png.jpg", png, "format comes from magic bytes, not the name"),
                fail("huge-png", "bomb.png", hugePng(), ImageException.Kind.TOO_LARGE, "megapixels"),
                fail("huge-jpeg", "bomb.jpg", hugeJpeg(jpeg), ImageException.Kind.TOO_LARGE, "megapixels"),
                fail("huge-gif", "bomb.gif", hugeGif(), ImageException.Kind.TOO_LARGE, "megapixels"),
                fail("huge-bmp", "bomb.bmp", hugeBmp(), ImageException.Kind.TOO_LARGE, "megapixels"),
                fail("huge-tiff", "bomb.tif", hugeTiff(), ImageException.Kind.TOO_LARGE, "megapixels"),
                fail("huge-png-inside-ico", "bomb.ico", icoWrapping(hugePng()), ImageException.Kind.TOO_LARGE, "megapixels"),
                fail("huge-psd", "bomb.psd", hugePsd(), ImageException.Kind.TOO_LARGE, "megapixels"),
                fail("huge-webp", "bomb.webp", hugeWebp(webp), ImageException.Kind.TOO_LARGE, "megapixels"),
                accept("tiff-ifd-loop", "loop.tif", tiffIfdLoop(), "a TIFF whose page chain loops is read without hanging"),
                fail("zero-size-jpeg", "zero.jpg", patchSof(jpeg, 0, 0), ImageException.Kind.CORRUPT, "invalid dimensions"),
                accept("malformed-exif", "bad-exif.jpg", TestImages.withExif(jpeg, malformedExif()), "broken EXIF is dropped, pixels are kept"),
                accept("icc-zip-bomb", "icc-bomb.png", withIccpBomb(png), "an iCCP chunk inflating past 16 MB is dropped"),
                fail("polyglot-png-html", "polyglot.png", polyglotPngHtml(), ImageException.Kind.CORRUPT, "PNG"),
                accept("polyglot-jpeg-zip", "polyglot.jpg", TestImages.concat(jpeg, zipTail()), "trailing payload after EOI is ignored and never copied"),
                fail("random-bytes", "noise.jpg", randomBytes(), ImageException.Kind.UNSUPPORTED_FORMAT, "not a supported image"),
                fail("html-as-jpg", "page.jpg", html(), ImageException.Kind.UNSUPPORTED_FORMAT, "HTML"),
                fail("svg-as-png", "vector.png", svg(), ImageException.Kind.UNSUPPORTED_FORMAT, "SVG"),
                fail("heic", "photo.heic", heicHeader(), ImageException.Kind.UNSUPPORTED_FORMAT, "HEIC"));
    }

    public static List<Entry> failing() {
        return all().stream().filter(Entry::mustFail).toList();
    }

    public static List<Entry> accepted() {
        return all().stream().filter(e -> !e.mustFail()).toList();
    }

    private static Entry fail(String name, String file, byte[] bytes, ImageException.Kind kind, String message) {
        return new Entry(name, file, bytes, kind, message);
    }

    private static Entry accept(String name, String file, byte[] bytes, String why) {
        return new Entry(name, file, bytes, null, why);
    }

    /** A stray restart marker in the middle of the entropy-coded data; the file still ends with EOI. */
    static byte[] damagedScan(byte[] jpeg) {
        byte[] out = jpeg.clone();
        int at = out.length * 7 / 10;
        out[at] = (byte) 0xFF;
        out[at + 1] = (byte) 0xD3;
        return out;
    }

    static byte[] half(byte[] b) {
        return Arrays.copyOf(b, b.length / 2);
    }

    /** Four stray zero bytes after the JFIF segment (seen in files from broken writers). */
    static byte[] junkBetweenSegments(byte[] jpeg) {
        int afterApp0 = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
        return TestImages.concat(Arrays.copyOf(jpeg, afterApp0), new byte[4], Arrays.copyOfRange(jpeg, afterApp0, jpeg.length));
    }

    /** IHDR of 100000×100000 RGB with a correct CRC, a tiny IDAT and IEND. */
    static byte[] hugePng() {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        byte[] idat = deflate(new byte[1024]);
        return TestImages.concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10},
                pngChunk("IHDR", ihdr.array()), pngChunk("IDAT", idat), pngChunk("IEND", new byte[0]));
    }

    static byte[] hugeJpeg(byte[] jpeg) {
        return patchSof(jpeg, 60_000, 60_000);
    }

    static byte[] patchSof(byte[] jpeg, int w, int h) {
        byte[] out = jpeg.clone();
        for (int i = 2; i + 9 < out.length; i++) {
            if ((out[i] & 0xff) == 0xFF && (out[i + 1] & 0xff) == 0xC0) {
                out[i + 5] = (byte) (h >> 8);
                out[i + 6] = (byte) h;
                out[i + 7] = (byte) (w >> 8);
                out[i + 8] = (byte) w;
                return out;
            }
        }
        throw new IllegalStateException("no SOF0 in test JPEG");
    }

    /** Logical screen and one frame of 65535×65535 with a few bytes of LZW data. */
    static byte[] hugeGif() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0xFFFF).putShort((short) 0xFFFF)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) 0xFFFF).putShort((short) 0xFFFF).put((byte) 0);
        b.put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0).put((byte) 0x3B);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** A real 4×4 BMP whose info header is patched to claim 100000×100000. */
    static byte[] hugeBmp() {
        byte[] bmp = TestImages.encode(TestImages.pattern(4, 4, false), "bmp");
        ByteBuffer b = ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(18, 100_000).putInt(22, 100_000);
        return bmp;
    }

    /**
     * An extended WebP (VP8X) whose canvas claims 16384×16384 (the format's maximum, 268 MP), followed by the
     * sample's real 16×12 VP8L bitstream: a decoder that trusted the bitstream instead of the gate would succeed.
     */
    static byte[] hugeWebp(byte[] simpleWebp) {
        byte[] vp8l = Arrays.copyOfRange(simpleWebp, 12, simpleWebp.length); // the VP8L chunk, header included
        ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).putInt(0); // flags + reserved
        int side = 16384 - 1; // stored minus one, 24 bits each
        vp8x.put((byte) side).put((byte) (side >> 8)).put((byte) (side >> 16));
        vp8x.put((byte) side).put((byte) (side >> 8)).put((byte) (side >> 16));
        return riff(TestImages.concat(vp8x.array(), vp8l));
    }

    /** The sample with its VP8L bitstream (after the 5-byte signature and size header) overwritten by noise; sizes stay consistent. */
    static byte[] corruptWebp(byte[] simpleWebp) {
        byte[] out = simpleWebp.clone();
        Random r = new Random(7);
        for (int i = 12 + 8 + 5; i < out.length; i++) out[i] = (byte) r.nextInt(256);
        return out;
    }

    static byte[] riff(byte[] webpChunks) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + webpChunks.length).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        return TestImages.concat(b.array(), webpChunks);
    }

    /** A baseline grey TIFF whose single strip claims 100000×100000 pixels. */
    static byte[] hugeTiff() {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 9 * 12 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 9);
        int dataOffset = 8 + 2 + 9 * 12 + 4;
        tiffEntry(b, 256, 4, 100_000);
        tiffEntry(b, 257, 4, 100_000);
        tiffEntry(b, 258, 3, 8);
        tiffEntry(b, 259, 3, 1);
        tiffEntry(b, 262, 3, 1);
        tiffEntry(b, 273, 4, dataOffset);
        tiffEntry(b, 277, 3, 1);
        tiffEntry(b, 278, 4, 100_000);
        tiffEntry(b, 279, 4, 16);
        b.putInt(0);
        return b.array();
    }

    /** An icon directory claiming a 16×16 entry whose payload is {@code png} (PNG-in-ICO, as Vista icons do). */
    static byte[] icoWrapping(byte[] png) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        b.put((byte) 16).put((byte) 16).put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32)
                .putInt(png.length).putInt(22);
        return TestImages.concat(b.array(), png);
    }

    /** A 256×192 grey TIFF whose next-IFD pointer points back at its own IFD (an endless page chain). */
    static byte[] tiffIfdLoop() {
        int entries = 9;
        int dataOffset = 8 + 2 + entries * 12 + 4;
        ByteBuffer b = ByteBuffer.allocate(dataOffset + 256 * 192).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) entries);
        tiffEntry(b, 256, 4, 256);
        tiffEntry(b, 257, 4, 192);
        tiffEntry(b, 258, 3, 8);
        tiffEntry(b, 259, 3, 1);
        tiffEntry(b, 262, 3, 1);
        tiffEntry(b, 273, 4, dataOffset);
        tiffEntry(b, 277, 3, 1);
        tiffEntry(b, 278, 4, 192);
        tiffEntry(b, 279, 4, 256 * 192);
        b.putInt(8); // next IFD: itself
        return b.array();
    }

    private static void tiffEntry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) b.putShort((short) value).putShort((short) 0);
        else b.putInt(value);
    }

    /** A PSD header of 30000×30000 RGB (the format's maximum) with empty sections and a few raw bytes. */
    static byte[] hugePsd() {
        ByteBuffer b = ByteBuffer.allocate(26 + 4 + 4 + 4 + 2 + 64);
        b.put("8BPS".getBytes(StandardCharsets.US_ASCII)).putShort((short) 1).put(new byte[6])
                .putShort((short) 3).putInt(30_000).putInt(30_000).putShort((short) 8).putShort((short) 3);
        b.putInt(0).putInt(0).putInt(0).putShort((short) 0);
        return b.array();
    }

    /** EXIF whose IFD0 offset points far outside the block. */
    static byte[] malformedExif() {
        return new byte[]{'M', 'M', 0, 42, (byte) 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0x00, 0, 1, 2, 3};
    }

    /** A PNG whose iCCP chunk inflates to 64 MB of zeros. */
    static byte[] withIccpBomb(byte[] png) {
        byte[] bomb = deflate(new byte[64 << 20]);
        byte[] data = TestImages.concat("bomb\0\0".getBytes(StandardCharsets.ISO_8859_1), bomb);
        return TestImages.concat(Arrays.copyOf(png, 33), pngChunk("iCCP", data), Arrays.copyOfRange(png, 33, png.length));
    }

    static byte[] polyglotPngHtml() {
        byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.US_ASCII);
        return TestImages.concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, html);
    }

    static byte[] zipTail() {
        byte[] tail = new byte[64];
        tail[0] = 'P';
        tail[1] = 'K';
        tail[2] = 3;
        tail[3] = 4;
        byte[] text = "payload.html<script>steal()</script>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, tail, 8, text.length);
        return tail;
    }

    static byte[] randomBytes() {
        byte[] b = new byte[4096];
        new Random(42).nextBytes(b);
        b[0] = 0x13;
        b[1] = 0x37;
        return b;
    }

    static byte[] html() {
        return "<!DOCTYPE html>\n<html><head><title>not a photo</title></head><body>hi</body></html>\n".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] svg() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] heicHeader() {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(24).put("ftypheic".getBytes(StandardCharsets.US_ASCII)).putInt(0).put("mif1heic".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    static byte[] pngChunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(t).put(data).putInt((int) crc.getValue()).array();
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(9);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            while (!d.finished()) out.write(buf, 0, d.deflate(buf));
            return out.toByteArray();
        } finally {
            d.end();
        }
    }
}
