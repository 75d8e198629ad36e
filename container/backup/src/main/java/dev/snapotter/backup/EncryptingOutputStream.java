package dev.snapotter.backup;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/**
 * Streaming AES-256-GCM in the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015): the plaintext
 * is cut into segments of {@code segmentSize} bytes, each sealed on its own with nonce
 * {@code prefix | index | lastFlag} and the header as associated data. Reordering, dropping or duplicating
 * a segment changes its nonce and fails authentication; cutting the stream at a segment boundary leaves a
 * last segment sealed with flag 0, which fails too. Memory stays at one segment on both sides (the JDK's
 * GCM decryption holds a whole message before releasing it, so one giant GCM message is not an option).
 *
 * <p>The last segment is written by {@link #close()}; it may be empty. The target stream is not closed.
 */
final class EncryptingOutputStream extends OutputStream {

    private static final int TAG_BITS = 128;

    private final OutputStream target;
    private final EncryptionHeader header;
    private final SecretKeySpec key;
    private final Cipher cipher;
    private final byte[] buffer;
    private int filled;
    private long index;
    private boolean closed;

    EncryptingOutputStream(OutputStream target, char[] passphrase, KdfParams kdf) throws IOException {
        this(target, passphrase, kdf, EncryptionHeader.DEFAULT_SEGMENT);
    }

    EncryptingOutputStream(OutputStream target, char[] passphrase, KdfParams kdf, int segmentSize) throws IOException {
        EncryptionHeader.Created created = EncryptionHeader.create(passphrase, kdf, segmentSize);
        this.target = target;
        this.header = created.header();
        this.key = new SecretKeySpec(created.keys().aesKey(), "AES");
        created.keys().wipe();
        this.buffer = new byte[segmentSize];
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
        target.write(header.encoded);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) throw new IOException("stream closed");
        while (len > 0) {
            // A full buffer is sealed only once more data arrives: until then it might be the last segment.
            if (filled == buffer.length) seal(false);
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void seal(boolean last) throws IOException {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, header.nonce(index, last)));
            cipher.updateAAD(header.encoded);
            target.write(cipher.doFinal(buffer, 0, filled));
        } catch (GeneralSecurityException e) {
            throw new IOException("encryption failed: " + e.getMessage(), e);
        }
        index++;
        filled = 0;
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    /** Seals the last segment and flushes; the target stays open. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        seal(true);
        target.flush();
    }
}
