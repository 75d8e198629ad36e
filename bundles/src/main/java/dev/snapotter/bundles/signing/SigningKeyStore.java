package dev.snapotter.bundles.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;

/**
 * Where the bundle-signing private key comes from (ADR 0061). It is never committed:
 * <ol>
 *   <li>{@value #ENV}: a release key file (PKCS#8, PEM or DER), supplied by the release machine;</li>
 *   <li>otherwise a per-machine key, generated once into {@code ~/.cache/snapotter/signing/} (0600),
 *       so a self-built image trusts its builder's bundles and nothing else.</li>
 * </ol>
 */
public final class SigningKeyStore {

    public static final String ENV = "SNAPOTTER_BUNDLE_SIGNING_KEY_FILE";
    static final String FILE_NAME = "bundle-signing-key.pem";

    private SigningKeyStore() {
    }

    public static Path defaultDir(Path home) {
        return home.resolve(".cache").resolve("snapotter").resolve("signing");
    }

    /** The release key when {@value #ENV} is set, else this machine's key (created on first use). */
    public static PrivateKey resolve(Map<String, String> env, Path home) throws IOException {
        String file = env.get(ENV);
        if (file != null && !file.isBlank()) return load(Path.of(file));
        return loadOrCreate(defaultDir(home).resolve(FILE_NAME));
    }

    public static PrivateKey resolveFromEnvironment() throws IOException {
        return resolve(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static PrivateKey load(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        String text = new String(raw, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN PRIVATE KEY-----")) {
            String b64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            raw = Base64.getDecoder().decode(b64);
        }
        return Ed25519Keys.decodePrivate(raw);
    }

    /** Loads the key at {@code file}, creating it (atomically, user-only) when it does not exist yet. */
    public static PrivateKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) return load(file);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        trySetPermissions(dir, "rwx------");
        KeyPair pair = Ed25519Keys.generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            trySetPermissions(tmp, "rw-------");
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            // A hard link never replaces: when two builds race, the first key wins and both use it.
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            // another build created it first
        } finally {
            Files.deleteIfExists(tmp);
        }
        return load(file);
    }

    private static void trySetPermissions(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user profile's ACLs apply
        }
    }
}
