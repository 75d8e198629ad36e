package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.ImageException;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the PNG chunks that carry metadata (iCCP, eXIf, iTXt XMP) before the first IDAT.
 * Compressed payloads are inflated with a hard cap so a zip bomb in an iCCP chunk stays harmless.
 */
final class PngChunks {

    static final int MAX_CHUNK = 16 << 20;
    static final int MAX_INFLATED = 16 << 20;
    static final String XMP_KEYWORD = "XML:com.adobe.xmp";

    record Found(int width, int height, byte[] icc, byte[] exif, byte[] xmp, int frames) {
    }

    private PngChunks() {
    }

    /** The stream must start at the PNG signature. */
    static Found read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        in.skipNBytes(8);
        int width = 0;
        int height = 0;
        int frames = 1;
        byte[] icc = null;
        byte[] exif = null;
        byte[] xmp = null;
        while (true) {
            int len = in.readInt();
            String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
            if (type.length() < 4) throw new EOFException("PNG chunk header cut short");
            if (type.equals("IDAT") || type.equals("IEND")) break;
            if (len < 0 || len > MAX_CHUNK) throw new ImageException(ImageException.Kind.CORRUPT, "PNG chunk " + type + " has an implausible length " + Integer.toUnsignedString(len));
            byte[] data = in.readNBytes(len);
            if (data.length != len) throw new EOFException("PNG chunk " + type + " cut short");
            in.skipNBytes(4); // CRC
            switch (type) {
                case "IHDR" -> {
                    if (len < 8) throw new ImageException(ImageException.Kind.CORRUPT, "PNG header chunk is too short");
                    width = int32(data, 0);
                    height = int32(data, 4);
                }
                case "iCCP" -> icc = iccp(data);
                case "eXIf" -> exif = data;
                case "iTXt" -> xmp = xmp == null ? itxtXmp(data) : xmp;
                case "acTL" -> frames = len >= 4 ? Math.max(1, int32(data, 0)) : 1;
                default -> { }
            }
        }
        return new Found(width, height, icc, exif, xmp, frames);
    }

    private static byte[] iccp(byte[] data) {
        int nul = indexOf(data, 0, 80);
        if (nul < 0 || nul + 2 > data.length) return null;
        return inflate(data, nul + 2, data.length - nul - 2);
    }

    private static byte[] itxtXmp(byte[] data) {
        int nul = indexOf(data, 0, 80);
        if (nul < 0 || !new String(data, 0, nul, StandardCharsets.ISO_8859_1).equals(XMP_KEYWORD)) return null;
        int p = nul + 1;
        if (p + 2 > data.length) return null;
        boolean compressed = data[p] == 1;
        p += 2;
        int lang = indexOf(data, p, data.length);
        if (lang < 0) return null;
        int translated = indexOf(data, lang + 1, data.length);
        if (translated < 0) return null;
        int start = translated + 1;
        if (compressed) return inflate(data, start, data.length - start);
        byte[] out = new byte[data.length - start];
        System.arraycopy(data, start, out, 0, out.length);
        return out;
    }

    /** Inflates or returns null when broken or above {@link #MAX_INFLATED}. */
    static byte[] inflate(byte[] data, int off, int len) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(data, off, len);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, len * 2));
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) return null;
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) return null;
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inf.end();
        }
    }

    private static int indexOf(byte[] d, int from, int limit) {
        for (int i = from; i < Math.min(d.length, from + limit); i++) if (d[i] == 0) return i;
        return -1;
    }

    static int int32(byte[] d, int off) {
        return (d[off] & 0xff) << 24 | (d[off + 1] & 0xff) << 16 | (d[off + 2] & 0xff) << 8 | (d[off + 3] & 0xff);
    }
}
