package dev.snapotter.engine.codec.imageio;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.ToIntFunction;

/**
 * Streams an encoder's output while inserting extra bytes (metadata segments or chunks) at an
 * offset computed from the first {@code lookahead} bytes, e.g. after a JPEG's JFIF segment or
 * after a PNG's IHDR chunk. Avoids buffering whole encoded images.
 */
final class SplicingOutputStream extends FilterOutputStream {

    private final int lookahead;
    private final ToIntFunction<byte[]> locate;
    private final byte[] insert;
    private ByteArrayOutputStream head = new ByteArrayOutputStream();

    SplicingOutputStream(OutputStream out, int lookahead, ToIntFunction<byte[]> locate, byte[] insert) {
        super(out);
        this.lookahead = lookahead;
        this.locate = locate;
        this.insert = insert;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (head == null) {
            out.write(b, off, len);
            return;
        }
        head.write(b, off, len);
        if (head.size() >= lookahead) flushHead();
    }

    private void flushHead() throws IOException {
        byte[] h = head.toByteArray();
        head = null;
        int at = Math.min(Math.max(0, locate.applyAsInt(h)), h.length);
        if (at > h.length) at = h.length;
        out.write(h, 0, at);
        out.write(insert);
        out.write(h, at, h.length - at);
    }

    /** Writes anything still held back (short outputs) without closing the target. */
    void finish() throws IOException {
        if (head != null) flushHead();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
        super.close();
    }

    @Override
    public void flush() throws IOException {
        if (head == null) out.flush();
    }
}
