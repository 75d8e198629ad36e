package dev.snapotter.backup;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The clear-text header in front of an encrypted backup (78 bytes, big-endian):
 * <pre>
 *   magic "SOBACKUP" (8) | version 1 (1) | kdf 1=Argon2id (1) | memoryKiB (4) | iterations (4) | parallelism (1)
 *   | salt (16) | nonce prefix (7) | segment size (4) | key check = HMAC-SHA256(checkKey, all bytes before it) (32)
 * </pre>
 * Argon2id(passphrase, salt) yields 64 bytes: the AES-256 key, then the check key. The key check tells a
 * wrong passphrase apart from damaged data before any segment is read, and authenticates the header.
 * The whole header is also the associated data of every segment.
 */
final class EncryptionHeader {

    static final byte[] MAGIC = "SOBACKUP".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int KDF_ARGON2ID = 1;
    static final int SALT_BYTES = 16;
    static final int NONCE_PREFIX_BYTES = 7;
    static final int CHECK_BYTES = 32;
    static final int LENGTH = 8 + 1 + 1 + 4 + 4 + 1 + SALT_BYTES + NONCE_PREFIX_BYTES + 4 + CHECK_BYTES;
    static final int DEFAULT_SEGMENT = 256 * 1024;
    static final int MIN_SEGMENT = 4 * 1024;
    static final int MAX_SEGMENT = 16 * 1024 * 1024;

    final KdfParams kdf;
    final byte[] salt;
    final byte[] noncePrefix;
    final int segmentSize;
    final byte[] encoded;

    private EncryptionHeader(KdfParams kdf, byte[] salt, byte[] noncePrefix, int segmentSize, byte[] encoded) {
        this.kdf = kdf;
        this.salt = salt;
        this.noncePrefix = noncePrefix;
        this.segmentSize = segmentSize;
        this.encoded = encoded;
    }

    /** Keys derived from a passphrase: AES key and the header check key. */
    record Keys(byte[] aesKey, byte[] checkKey) {
        void wipe() {
            Arrays.fill(aesKey, (byte) 0);
            Arrays.fill(checkKey, (byte) 0);
        }
    }

    /** A fresh header (random salt and nonce prefix) and the keys for it. */
    static Created create(char[] passphrase, KdfParams kdf, int segmentSize) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SALT_BYTES];
        byte[] prefix = new byte[NONCE_PREFIX_BYTES];
        random.nextBytes(salt);
        random.nextBytes(prefix);
        Keys keys = derive(passphrase, salt, kdf);
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(MAGIC).put((byte) VERSION).put((byte) KDF_ARGON2ID).putInt(kdf.memoryKiB()).putInt(kdf.iterations())
                .put((byte) kdf.parallelism()).put(salt).put(prefix).putInt(segmentSize);
        b.put(check(keys.checkKey(), b.array(), LENGTH - CHECK_BYTES));
        return new Created(new EncryptionHeader(kdf, salt, prefix, segmentSize, b.array()), keys);
    }

    record Created(EncryptionHeader header, Keys keys) {
    }

    /** True when {@code firstBytes} starts with the magic. */
    static boolean hasMagic(byte[] firstBytes, int length) {
        return length >= MAGIC.length && Arrays.equals(firstBytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Reads the header (the magic included) and derives the keys; a wrong passphrase is refused here. */
    static Opened open(InputStream in, char[] passphrase) throws IOException {
        byte[] raw = new byte[LENGTH];
        try {
            new DataInputStream(in).readFully(raw);
        } catch (EOFException e) {
            throw new BackupRejectedException(BackupRejectedException.Reason.TRUNCATED, "The encrypted backup ends inside its header; the file is incomplete.");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (!Arrays.equals(magic, MAGIC)) throw new BackupRejectedException(BackupRejectedException.Reason.NOT_A_BACKUP, "The file is not a SnapOtter backup.");
        int version = b.get() & 0xff;
        int kdfId = b.get() & 0xff;
        if (version != VERSION || kdfId != KDF_ARGON2ID) {
            throw new BackupRejectedException(BackupRejectedException.Reason.UNSUPPORTED_FORMAT,
                    "The backup uses encryption format " + version + "/" + kdfId + ", which this SnapOtter version cannot read; use a newer version.");
        }
        int memory = b.getInt();
        int iterations = b.getInt();
        int parallelism = b.get() & 0xff;
        byte[] salt = new byte[SALT_BYTES];
        byte[] prefix = new byte[NONCE_PREFIX_BYTES];
        b.get(salt).get(prefix);
        int segment = b.getInt();
        byte[] storedCheck = new byte[CHECK_BYTES];
        b.get(storedCheck);
        KdfParams kdf;
        try {
            kdf = new KdfParams(memory, iterations, parallelism);
        } catch (IllegalArgumentException e) {
            throw corruptHeader();
        }
        if (!kdf.withinLimits() || segment < MIN_SEGMENT || segment > MAX_SEGMENT) throw corruptHeader();
        Keys keys = derive(passphrase, salt, kdf);
        if (!MessageDigest.isEqual(storedCheck, check(keys.checkKey(), raw, LENGTH - CHECK_BYTES))) {
            keys.wipe();
            throw new BackupRejectedException(BackupRejectedException.Reason.WRONG_PASSPHRASE,
                    "The passphrase does not open this backup. Check it and try again (passphrases are case-sensitive).");
        }
        return new Opened(new EncryptionHeader(kdf, salt, prefix, segment, raw), keys);
    }

    record Opened(EncryptionHeader header, Keys keys) {
    }

    private static BackupRejectedException corruptHeader() {
        return new BackupRejectedException(BackupRejectedException.Reason.CORRUPT, "The encryption header of the backup is damaged.");
    }

    static Keys derive(char[] passphrase, byte[] salt, KdfParams kdf) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(kdf.memoryKiB()).withIterations(kdf.iterations()).withParallelism(kdf.parallelism())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[64];
        generator.generateBytes(passphrase, out); // UTF-8 encoding of the passphrase
        Keys keys = new Keys(Arrays.copyOfRange(out, 0, 32), Arrays.copyOfRange(out, 32, 64));
        Arrays.fill(out, (byte) 0);
        return keys;
    }

    private static byte[] check(byte[] checkKey, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(checkKey, "HmacSHA256"));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Nonce of segment {@code index}: prefix (7) | index (4, big-endian) | 1 on the last segment else 0. */
    byte[] nonce(long index, boolean last) {
        if (index > 0xffff_ffffL) throw new IllegalStateException("backup too large for the segment counter");
        return ByteBuffer.allocate(12).put(noncePrefix).putInt((int) index).put((byte) (last ? 1 : 0)).array();
    }
}
