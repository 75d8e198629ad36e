package dev.snapotter.bundles.install;

import dev.snapotter.bundles.BundleManifest;

import java.nio.file.Path;

/** An installed bundle with what it occupies on disk right now. */
public record InstalledBundle(BundleManifest manifest, Path dir, long diskUsageBytes, boolean signed) {
}
