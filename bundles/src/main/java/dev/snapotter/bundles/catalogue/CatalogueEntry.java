package dev.snapotter.bundles.catalogue;

import java.util.List;

/**
 * A bundle this version of SnapOtter knows about.
 *
 * @param downloadBytes  exact archive size when the publisher knows it (checked, and used for the
 *                       disk pre-check); null when unknown, then the server's Content-Length is used
 *                       and capped at {@code installedBytes} plus 5 %
 * @param installedBytes bytes the bundle occupies once installed
 * @param sha256         SHA-256 of the archive when known (checked before anything is extracted);
 *                       the signed manifest's per-file hashes are checked in every case
 */
public record CatalogueEntry(String id, String name, String description, String version, String license, String arch,
                             List<String> enablesTools, Long downloadBytes, long installedBytes, String url, String sha256) {

    public CatalogueEntry {
        enablesTools = enablesTools == null ? List.of() : List.copyOf(enablesTools);
    }

    /** Largest archive accepted when the catalogue does not give its exact size. */
    public long maxDownloadBytes() {
        return downloadBytes != null ? downloadBytes : installedBytes + installedBytes / 20 + (1L << 20);
    }
}
