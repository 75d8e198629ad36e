package dev.snapotter.engine.codec.imageio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the RIFF chunks of a WebP file that carry metadata (ICCP, EXIF, XMP) and the canvas size. */
final class WebpChunks {

    record Found(int width, int height, byte[] icc, byte[] exif, byte[] xmp, int frames) {
    }

    private WebpChunks() {
    }

    static Found read(InputStream in) throws IOException {
        in.skipNBytes(12);
        int width = 0;
        int height = 0;
        int frames = 0;
        byte[] icc = null;
        byte[] exif = null;
        byte[] xmp = null;
        while (true) {
            byte[] head = in.readNBytes(8);
            if (head.length == 0) break;
            if (head.length < 8) throw new EOFException("WebP chunk header cut short");
            String type = new String(head, 0, 4, StandardCharsets.US_ASCII);
            long size = (head[4] & 0xffL) | (head[5] & 0xffL) << 8 | (head[6] & 0xffL) << 16 | (head[7] & 0xffL) << 24;
            long padded = size + (size & 1);
            boolean wanted = type.equals("VP8X") || type.equals("ICCP") || type.equals("EXIF") || type.equals("XMP ");
            if (!wanted || size > PngChunks.MAX_CHUNK) {
                if (type.equals("ANMF")) frames++;
                in.skipNBytes(padded);
                continue;
            }
            byte[] data = in.readNBytes((int) size);
            if (data.length != size) throw new EOFException("WebP chunk " + type.strip() + " cut short");
            if ((size & 1) == 1) in.skipNBytes(1);
            switch (type) {
                case "VP8X" -> {
                    if (data.length >= 10) {
                        width = 1 + ((data[4] & 0xff) | (data[5] & 0xff) << 8 | (data[6] & 0xff) << 16);
                        height = 1 + ((data[7] & 0xff) | (data[8] & 0xff) << 8 | (data[9] & 0xff) << 16);
                    }
                }
                case "ICCP" -> icc = data;
                case "EXIF" -> exif = data;
                default -> xmp = data;
            }
        }
        return new Found(width, height, icc, exif, xmp, Math.max(1, frames));
    }
}
