package dev.snapotter.bundles.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys whose bundles install without an admin override. The built-in set is the resource
 * {@value #RESOURCE}: release keys committed to the repository plus the key of the machine that built
 * the artifact (appended at build time, ADR 0061). One base64 X.509 key per line; '#' starts a comment.
 */
public final class TrustedKeys {

    public static final String RESOURCE = "/dev/snapotter/bundles/trusted-keys.txt";

    private final Map<String, PublicKey> byId = new LinkedHashMap<>();

    public TrustedKeys(Collection<PublicKey> keys) {
        keys.forEach(k -> byId.put(Ed25519Keys.keyId(k), k));
    }

    public static TrustedKeys of(PublicKey... keys) {
        return new TrustedKeys(List.of(keys));
    }

    /** The keys built into this artifact. */
    public static TrustedKeys builtIn() {
        try (InputStream in = TrustedKeys.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return new TrustedKeys(List.of());
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TrustedKeys parse(String text) {
        return new TrustedKeys(text.lines().map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty())
                .map(Ed25519Keys::decodePublic).toList());
    }

    public Optional<PublicKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public List<String> keyIds() {
        return List.copyOf(byId.keySet());
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }
}
