package dev.snapotter.backup;

/**
 * What {@link BackupVerifier#verify} found in an archive that passed every check.
 *
 * @param manifest   the archive's manifest
 * @param totalBytes sum of the file sizes (the space a restore needs)
 * @param fileCount  files in the archive, the manifest not counted
 */
public record BackupSummary(BackupManifest manifest, long totalBytes, int fileCount) {
}
