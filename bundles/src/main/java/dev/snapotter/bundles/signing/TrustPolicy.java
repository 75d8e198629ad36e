package dev.snapotter.bundles.signing;

import dev.snapotter.bundles.BundleRejectedException;
import dev.snapotter.bundles.BundleRejectedException.Reason;

/**
 * Decides whether a manifest may be installed. A signature by a trusted key is always required,
 * unless an administrator turned on {@code allowUntrusted}: then unsigned bundles and bundles signed
 * by an unknown key pass (file sizes and hashes are still checked against the manifest). A signature
 * that does not match a trusted key's manifest is refused even then: that is tampering, not a choice.
 */
public record TrustPolicy(TrustedKeys keys, boolean allowUntrusted) {

    /** What the check found, for logs and the install record. */
    public enum Verdict { TRUSTED, UNTRUSTED_ALLOWED }

    public static TrustPolicy strict(TrustedKeys keys) {
        return new TrustPolicy(keys, false);
    }

    public Verdict check(byte[] manifest, ManifestSignature signature) throws BundleRejectedException {
        if (signature == null) {
            if (allowUntrusted) return Verdict.UNTRUSTED_ALLOWED;
            throw new BundleRejectedException(Reason.UNSIGNED, "The bundle is not signed; only signed bundles can be installed "
                    + "(an administrator may allow unsigned bundles in the settings).");
        }
        var key = keys.find(signature.keyId());
        if (key.isEmpty()) {
            if (allowUntrusted) return Verdict.UNTRUSTED_ALLOWED;
            throw new BundleRejectedException(Reason.FOREIGN_KEY, "The bundle is signed by key " + signature.keyId()
                    + ", which this installation does not trust (trusted: " + String.join(", ", keys.keyIds()) + ").");
        }
        if (!Ed25519Keys.verify(key.get(), manifest, signature.signatureBytes())) {
            throw new BundleRejectedException(Reason.BAD_SIGNATURE, "The bundle's signature does not match its manifest: "
                    + "the bundle was altered after it was signed.");
        }
        return Verdict.TRUSTED;
    }
}
