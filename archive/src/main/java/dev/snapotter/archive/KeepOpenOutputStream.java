package dev.snapotter.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Lets a wrapping stream (gzip, tar, a cipher) "close" — which is how those write their trailers — while the
 * stream below stays open for its owner, who may still fsync, rename or keep writing. Close only flushes.
 */
public final class KeepOpenOutputStream extends FilterOutputStream {

    public KeepOpenOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len); // FilterOutputStream would write byte by byte
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    /** Closes the stream below, for the owner that is done with it. */
    public void closeTarget() throws IOException {
        out.close();
    }
}
