package dev.snapotter.backup;

/**
 * One file of a backup as the manifest lists it.
 *
 * @param path   archive path, relative to the data folder, '/'-separated (e.g. {@code snapotter.db}, {@code uploads/a.png})
 * @param size   bytes
 * @param sha256 lowercase hex SHA-256 of the content
 */
public record BackupFileEntry(String path, long size, String sha256) {
}
