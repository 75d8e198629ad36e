package dev.snapotter.backup;

import dev.snapotter.backup.BackupRejectedException.Reason;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;

/**
 * Reads what {@link EncryptingOutputStream} wrote. Every byte it returns has been authenticated; end of
 * stream is reported only after a segment sealed as "last" was verified, so a cut-off file never reads as
 * complete.
 */
final class DecryptingInputStream extends InputStream {

    private static final int TAG_BYTES = 16;

    private final InputStream source;
    private final EncryptionHeader header;
    private final SecretKeySpec key;
    private final Cipher cipher;
    private final byte[] sealed;
    private byte[] plain = new byte[0];
    private int position;
    private long index;
    private boolean sawLast;
    private int lookahead = -2; // -2 = none read yet

    /** Reads the header from {@code source}; throws WRONG_PASSPHRASE before any data is read. */
    DecryptingInputStream(InputStream source, char[] passphrase) throws IOException {
        EncryptionHeader.Opened opened = EncryptionHeader.open(source, passphrase);
        this.source = source;
        this.header = opened.header();
        this.key = new SecretKeySpec(opened.keys().aesKey(), "AES");
        opened.keys().wipe();
        this.sealed = new byte[header.segmentSize + TAG_BYTES];
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (position == plain.length) {
            if (sawLast) return -1;
            nextSegment();
        }
        int n = Math.min(len, plain.length - position);
        System.arraycopy(plain, position, b, off, n);
        position += n;
        return n;
    }

    private void nextSegment() throws IOException {
        int length = 0;
        if (lookahead >= 0) sealed[length++] = (byte) lookahead;
        length += source.readNBytes(sealed, length, sealed.length - length);
        // The segment is the last one exactly when nothing follows it.
        lookahead = length == sealed.length ? source.read() : -1;
        boolean last = lookahead < 0;
        if (length < TAG_BYTES) {
            throw new BackupRejectedException(Reason.TRUNCATED, "The encrypted backup is incomplete (it ends part-way through); the file was cut off.");
        }
        try {
            plain = open(length, last);
        } catch (AEADBadTagException e) {
            throw failure(length, last);
        }
        position = 0;
        index++;
        sawLast = last;
    }

    private byte[] open(int length, boolean last) throws AEADBadTagException {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, header.nonce(index, last)));
            cipher.updateAAD(header.encoded);
            return cipher.doFinal(sealed, 0, length);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM failed: " + e.getMessage(), e);
        }
    }

    /** Tells a cut-off file (last segment sealed as "more follows") from altered bytes, as far as that is knowable. */
    private BackupRejectedException failure(int length, boolean last) {
        if (last) {
            try {
                open(length, false);
                return new BackupRejectedException(Reason.TRUNCATED, "The encrypted backup is incomplete: it stops after part "
                        + (index + 1) + " although more was written. The file was cut off.");
            } catch (AEADBadTagException ignored) {
                return new BackupRejectedException(Reason.TRUNCATED, "The end of the encrypted backup is missing or altered; the file is incomplete or damaged.");
            }
        }
        return new BackupRejectedException(Reason.TAMPERED, "Part " + (index + 1)
                + " of the encrypted backup failed its integrity check: the file was altered or damaged.");
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
