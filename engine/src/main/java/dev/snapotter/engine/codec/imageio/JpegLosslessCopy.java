package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.ImageException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Copies a JPEG without re-encoding: the header segments go through an edit (e.g. drop EXIF),
 * the entropy-coded data is copied byte for byte up to the end-of-image marker. Anything after
 * EOI (a polyglot's payload, trailing junk) is not copied. A file without EOI is refused.
 */
public final class JpegLosslessCopy {

    private JpegLosslessCopy() {
    }

    public static void copy(Path input, OutputStream output, UnaryOperator<List<JpegSegments.Segment>> edit) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16)) {
            List<JpegSegments.Segment> segments = edit.apply(JpegSegments.readHeader(in));
            OutputStream out = new BufferedOutputStream(output, 1 << 16);
            out.write(0xFF);
            out.write(JpegSegments.SOI);
            for (JpegSegments.Segment s : segments) writeSegment(out, s);
            copyScanData(in, out);
            out.flush();
        } catch (EOFException e) {
            throw new ImageException(ImageException.Kind.TRUNCATED, "the JPEG file is truncated (no end-of-image marker)", e);
        } catch (IOException e) {
            throw new ImageException(ImageException.Kind.IO, "copying the JPEG failed: " + e.getMessage(), e);
        }
    }

    static void writeSegment(OutputStream out, JpegSegments.Segment s) throws IOException {
        int len = s.payload().length + 2;
        out.write(0xFF);
        out.write(s.marker());
        out.write(len >> 8);
        out.write(len);
        out.write(s.payload());
    }

    /** Copies everything up to and including EOI (FFD9); stuffed FF00 and RST markers are data. */
    private static void copyScanData(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[1 << 16];
        boolean pendingFf = false;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buf[i] & 0xff;
                if (pendingFf && b == JpegSegments.EOI) {
                    out.write(buf, 0, i + 1);
                    return;
                }
                pendingFf = b == 0xFF;
            }
            out.write(buf, 0, n);
        }
        throw new EOFException("no EOI marker");
    }
}
