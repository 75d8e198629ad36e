package dev.snapotter.bundles.signing;

import dev.snapotter.bundles.BundleRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningTest {

    @TempDir
    Path tmp;

    @Test
    void publicKeyIsDerivedFromThePrivateKey() {
        KeyPair pair = Ed25519Keys.generate();
        assertThat(Ed25519Keys.publicOf(pair.getPrivate()).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void perMachineKeyIsCreatedOnceUserOnly() throws Exception {
        PrivateKey a = SigningKeyStore.resolve(Map.of(), tmp);
        PrivateKey b = SigningKeyStore.resolve(Map.of(), tmp);
        assertThat(a.getEncoded()).isEqualTo(b.getEncoded());
        Path file = SigningKeyStore.defaultDir(tmp).resolve(SigningKeyStore.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void releaseKeyFromEnvironmentWins() throws Exception {
        KeyPair release = Ed25519Keys.generate();
        Path file = Files.write(tmp.resolve("release.der"), release.getPrivate().getEncoded());
        PrivateKey k = SigningKeyStore.resolve(Map.of(SigningKeyStore.ENV, file.toString()), tmp);
        assertThat(k.getEncoded()).isEqualTo(release.getPrivate().getEncoded());
        assertThat(SigningKeyStore.defaultDir(tmp)).doesNotExist();
    }

    @Test
    void policyTrustsOnlyKnownKeysWithMatchingSignatures() throws Exception {
        KeyPair trusted = Ed25519Keys.generate();
        KeyPair stranger = Ed25519Keys.generate();
        byte[] manifest = "{\"id\":\"x\"}".getBytes();
        TrustPolicy strict = TrustPolicy.strict(TrustedKeys.of(trusted.getPublic()));

        assertThat(strict.check(manifest, ManifestSignature.sign(manifest, trusted.getPrivate()))).isEqualTo(TrustPolicy.Verdict.TRUSTED);
        assertThatThrownBy(() -> strict.check(manifest, ManifestSignature.sign(manifest, stranger.getPrivate())))
                .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(BundleRejectedException.Reason.FOREIGN_KEY));
        assertThatThrownBy(() -> strict.check("{\"id\":\"y\"}".getBytes(), ManifestSignature.sign(manifest, trusted.getPrivate())))
                .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(BundleRejectedException.Reason.BAD_SIGNATURE));
        assertThatThrownBy(() -> strict.check(manifest, null))
                .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(BundleRejectedException.Reason.UNSIGNED));

        TrustPolicy lenient = new TrustPolicy(TrustedKeys.of(trusted.getPublic()), true);
        assertThat(lenient.check(manifest, null)).isEqualTo(TrustPolicy.Verdict.UNTRUSTED_ALLOWED);
        assertThatThrownBy(() -> lenient.check("{\"id\":\"y\"}".getBytes(), ManifestSignature.sign(manifest, trusted.getPrivate())))
                .as("tampering is refused even when untrusted bundles are allowed").isInstanceOf(BundleRejectedException.class);
    }

    @Test
    void trustedKeysFileIsParsedWithComments() {
        KeyPair k = Ed25519Keys.generate();
        TrustedKeys keys = TrustedKeys.parse("# release keys\n\n" + Ed25519Keys.encodePublic(k.getPublic()) + "  # builder\n");
        assertThat(keys.keyIds()).containsExactly(Ed25519Keys.keyId(k.getPublic()));
    }

    @Test
    void builtInKeysIncludeThisBuildersKey() throws Exception {
        // The build appended this machine's key (unless -Dsnapotter.bundles.builderKey.skip=true).
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("snapotter.bundles.builderKey.skip"), "builder key skipped");
        PrivateKey builder = SigningKeyStore.resolveFromEnvironment();
        assertThat(TrustedKeys.builtIn().find(Ed25519Keys.keyId(Ed25519Keys.publicOf(builder)))).isPresent();
    }
}
