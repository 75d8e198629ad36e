package dev.snapotter.backup;

/**
 * What a backup holds and whether it is encrypted.
 *
 * @param includeModels also archive AI models and bundles (re-downloadable, often gigabytes; off by default)
 * @param passphrase    encrypt with this passphrase (AES-256-GCM, Argon2id); {@code null} or empty = not encrypted.
 *                      The caller owns the array and may wipe it after the write.
 */
public record BackupOptions(boolean includeModels, char[] passphrase) {

    public static BackupOptions plain() {
        return new BackupOptions(false, null);
    }

    public boolean encrypted() {
        return passphrase != null && passphrase.length > 0;
    }
}
