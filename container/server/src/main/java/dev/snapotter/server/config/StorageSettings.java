package dev.snapotter.server.config;

import java.nio.file.Path;

/**
 * Where state lives.
 *
 * @param dataDir                persistent volume (database, initial admin password)
 * @param dbPath                 SQLite database file
 * @param workspacePath          per-job scratch folders (uploads and results)
 * @param fileMaxAgeHours        job folders older than this are deleted
 * @param cleanupIntervalMinutes how often the cleanup runs
 */
public record StorageSettings(Path dataDir, Path dbPath, Path workspacePath, int fileMaxAgeHours, int cleanupIntervalMinutes) {
}
