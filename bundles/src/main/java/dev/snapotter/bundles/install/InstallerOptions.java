package dev.snapotter.bundles.install;

import dev.snapotter.archive.ArchiveLimits;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.signing.TrustedKeys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How a {@link BundleInstaller} is set up.
 *
 * @param root           the bundles folder (server: {@code $DATA_DIR/ai}; desktop: its data dir)
 * @param catalogue      known bundles and allowed download origins
 * @param trustedKeys    keys whose bundles install without an override
 * @param allowUntrusted read at each install: the administrator's "allow unsigned/foreign bundles"
 * @param appVersion     compared with each manifest's minAppVersion
 * @param limits         archive caps (entries, sizes, compression ratio)
 * @param disk           free-space source (tests inject a small disk)
 * @param httpTimeout    connect and response-header timeout of downloads
 * @param onChange       run after a bundle was activated or removed (e.g. unload cached models)
 */
public record InstallerOptions(Path root, Catalogue catalogue, TrustedKeys trustedKeys, BooleanSupplier allowUntrusted, String appVersion,
                               ArchiveLimits limits, DiskSpace disk, Duration httpTimeout, Runnable onChange) {

    /** Entries and sizes generous for model bundles; a ratio no model file reaches (ONNX weights barely compress). */
    public static final ArchiveLimits BUNDLE_LIMITS = new ArchiveLimits(10_000, 8L << 30, 20L << 30, 50);

    public static InstallerOptions defaults(Path root, String appVersion) {
        return new InstallerOptions(root, Catalogue.builtIn(), TrustedKeys.builtIn(), () -> false, appVersion, BUNDLE_LIMITS,
                DiskSpace.fileStore(), Duration.ofSeconds(30), () -> { });
    }

    public InstallerOptions withCatalogue(Catalogue c) {
        return new InstallerOptions(root, c, trustedKeys, allowUntrusted, appVersion, limits, disk, httpTimeout, onChange);
    }

    public InstallerOptions withTrustedKeys(TrustedKeys k) {
        return new InstallerOptions(root, catalogue, k, allowUntrusted, appVersion, limits, disk, httpTimeout, onChange);
    }

    public InstallerOptions withAllowUntrusted(BooleanSupplier a) {
        return new InstallerOptions(root, catalogue, trustedKeys, a, appVersion, limits, disk, httpTimeout, onChange);
    }

    public InstallerOptions withLimits(ArchiveLimits l) {
        return new InstallerOptions(root, catalogue, trustedKeys, allowUntrusted, appVersion, l, disk, httpTimeout, onChange);
    }

    public InstallerOptions withDisk(DiskSpace d) {
        return new InstallerOptions(root, catalogue, trustedKeys, allowUntrusted, appVersion, limits, d, httpTimeout, onChange);
    }

    public InstallerOptions withHttpTimeout(Duration t) {
        return new InstallerOptions(root, catalogue, trustedKeys, allowUntrusted, appVersion, limits, disk, t, onChange);
    }

    public InstallerOptions withOnChange(Runnable r) {
        return new InstallerOptions(root, catalogue, trustedKeys, allowUntrusted, appVersion, limits, disk, httpTimeout, r);
    }
}
