package dev.snapotter.bundles.signing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.snapotter.bundles.BundleRejectedException;
import dev.snapotter.bundles.BundleRejectedException.Reason;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * The {@code manifest.sig} entry: {@code {"algorithm":"Ed25519","keyId":"…","signature":"<base64>"}},
 * an Ed25519 signature over the exact bytes of {@code manifest.json}.
 */
public record ManifestSignature(String algorithm, String keyId, String signature) {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public static ManifestSignature sign(byte[] manifest, PrivateKey key) {
        PublicKey pub = Ed25519Keys.publicOf(key);
        return new ManifestSignature(Ed25519Keys.ALGORITHM, Ed25519Keys.keyId(pub),
                Base64.getEncoder().encodeToString(Ed25519Keys.sign(key, manifest)));
    }

    public static ManifestSignature parse(byte[] json) throws BundleRejectedException {
        ManifestSignature s;
        try {
            s = JSON.readValue(json, ManifestSignature.class);
        } catch (IOException e) {
            throw new BundleRejectedException(Reason.BAD_SIGNATURE, "The bundle's signature entry is unreadable.");
        }
        if (!Ed25519Keys.ALGORITHM.equals(s.algorithm) || s.keyId == null || s.signature == null) {
            throw new BundleRejectedException(Reason.BAD_SIGNATURE, "The bundle's signature is not an Ed25519 signature.");
        }
        return s;
    }

    @JsonIgnore
    public byte[] signatureBytes() {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
