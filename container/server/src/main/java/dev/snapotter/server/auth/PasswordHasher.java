package dev.snapotter.server.auth;

import dev.snapotter.server.config.Argon2Params;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), computed with BouncyCastle. The cost is
 * stored in each hash, so raising it later keeps old hashes verifiable.
 */
public final class PasswordHasher {

    private static final Pattern PHC = Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Argon2Params params;
    /** Verified against when a username does not exist, so timing does not reveal which names exist. */
    private final String dummyHash;

    public PasswordHasher(Argon2Params params) {
        this.params = params;
        this.dummyHash = hash("dummy-password-for-timing");
    }

    public String hash(String password) {
        byte[] salt = Tokens.randomBytes(SALT_BYTES);
        byte[] out = derive(password, salt, params.memoryKib(), params.iterations(), params.parallelism());
        return "$argon2id$v=19$m=" + params.memoryKib() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    public boolean verify(String password, String phc) {
        Matcher m = phc == null ? null : PHC.matcher(phc);
        if (m == null || !m.matches()) return false;
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Burns the same time as a real verification (for unknown usernames). */
    public void verifyDummy(String password) {
        verify(password, dummyHash);
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism) {
        return derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters p = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                .withSalt(salt).build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(p);
        byte[] out = new byte[length];
        gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
