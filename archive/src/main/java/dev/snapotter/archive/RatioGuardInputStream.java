package dev.snapotter.archive;

import dev.snapotter.archive.UnsafeArchiveException.Reason;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sits between the gzip decoder and the tar parser and stops a decompression bomb while it inflates:
 * every read compares the bytes produced with the compressed bytes consumed so far. Tar headers and
 * padding count too, so a bomb made of empty entries is caught as well as one big file.
 */
final class RatioGuardInputStream extends FilterInputStream {

    private final CountingInputStream compressed;
    private final long maxRatio;
    private long produced;

    RatioGuardInputStream(InputStream decompressed, CountingInputStream compressed, long maxRatio) {
        super(decompressed);
        this.compressed = compressed;
        this.maxRatio = maxRatio;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) account(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) account(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping still inflates: route it through read so the ratio stays honest.
        byte[] sink = new byte[(int) Math.min(n, 1 << 16)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) break;
            skipped += r;
        }
        return skipped;
    }

    private void account(int n) throws UnsafeArchiveException {
        produced += n;
        if (produced > ArchiveLimits.RATIO_FLOOR_BYTES && produced > maxRatio * Math.max(1, compressed.count())) {
            throw new UnsafeArchiveException(Reason.COMPRESSION_RATIO, null, "The archive expands more than " + maxRatio
                    + " times its compressed size (a decompression bomb?); the archive was refused.");
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
