package dev.snapotter.bundles;

/**
 * One file a bundle installs, pinned by the signed manifest.
 *
 * @param path   relative path under the bundle's {@code files/} folder (safe entry-name rules, '/' separated)
 * @param size   exact size in bytes
 * @param sha256 lower-case hex SHA-256
 */
public record BundleFile(String path, long size, String sha256) {
}
