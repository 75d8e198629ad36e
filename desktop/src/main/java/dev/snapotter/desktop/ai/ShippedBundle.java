package dev.snapotter.desktop.ai;

import dev.snapotter.bundles.BundleManifest;

import java.nio.file.Path;

/**
 * A bundle file that ships with the app (the air-gapped kit's {@code bundles/} folder), with the manifest read from
 * its first entry. The manifest is only shown; installing the file checks signature, sizes and hashes as for any file.
 */
public record ShippedBundle(Path file, BundleManifest manifest) {

    public String id() {
        return manifest.id();
    }
}
