package dev.snapotter.bundles.install;

import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.catalogue.AllowedOrigins;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.signing.TrustedKeys;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Options for a throw-away installer trusting {@code trusted}, with an empty catalogue. */
final class InstallerFixture {

    private InstallerFixture() {
    }

    static InstallerOptions options(Path root, KeyPair trusted) {
        return InstallerOptions.defaults(root, "0.1.0-SNAPSHOT")
                .withCatalogue(new Catalogue(1, new AllowedOrigins(List.of()), List.of()))
                .withTrustedKeys(TrustedKeys.of(trusted.getPublic()))
                .withHttpTimeout(Duration.ofSeconds(5));
    }

    /** Waits for a job; returns the manifest or throws its cause. */
    static BundleManifest await(InstallJob job) throws Throwable {
        try {
            return job.result().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }
}
