package dev.snapotter.backup;

import dev.snapotter.backup.BackupRejectedException.Reason;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules an archive's content must meet against its manifest, shared by verify and restore: known format,
 * schema not newer than the running one, a database present, no reserved names, and then every file listed
 * exactly once with its size and checksum, nothing more.
 */
final class ManifestCheck {

    private final BackupManifest manifest;
    private final Map<String, BackupFileEntry> pending = new LinkedHashMap<>();
    private final Map<String, Boolean> directories = new HashMap<>();

    private ManifestCheck(BackupManifest manifest) {
        this.manifest = manifest;
    }

    /** Parses and checks the manifest itself. */
    static ManifestCheck of(byte[] json, int maxSchemaVersion) throws BackupRejectedException {
        BackupManifest manifest;
        try {
            manifest = ManifestJson.read(json);
        } catch (IOException e) {
            throw new BackupRejectedException(Reason.CORRUPT, "The backup's manifest.json is unreadable: " + e.getMessage(), e);
        }
        if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
            throw new BackupRejectedException(Reason.UNSUPPORTED_FORMAT, "The backup uses format version " + manifest.formatVersion()
                    + "; this SnapOtter version reads version " + BackupManifest.FORMAT_VERSION + ". Use the SnapOtter version that wrote it, or newer.");
        }
        if (manifest.schemaVersion() > maxSchemaVersion) {
            throw new BackupRejectedException(Reason.NEWER_SCHEMA, "The backup was made by a newer SnapOtter (" + manifest.appVersion()
                    + ", database schema " + manifest.schemaVersion() + "); this version knows schema " + maxSchemaVersion
                    + " at most. Update SnapOtter first, then restore.");
        }
        ManifestCheck check = new ManifestCheck(manifest);
        for (BackupFileEntry f : manifest.files()) {
            if (f.path() == null || f.sha256() == null || f.size() < 0 || !f.sha256().matches("^[0-9a-f]{64}$")) {
                throw new BackupRejectedException(Reason.CORRUPT, "The backup's manifest has an invalid file entry.");
            }
            if (BackupLayout.isReserved(BackupLayout.topLevel(f.path())) || f.path().equals(BackupManifest.FILE_NAME)) {
                throw new BackupRejectedException(Reason.UNSAFE_ENTRY, "The backup lists '" + printable(f.path()) + "', a name SnapOtter reserves; refused.");
            }
            if (check.pending.put(f.path(), f) != null) {
                throw new BackupRejectedException(Reason.CORRUPT, "The backup's manifest lists '" + printable(f.path()) + "' twice.");
            }
            for (int i = f.path().indexOf('/'); i > 0; i = f.path().indexOf('/', i + 1)) check.directories.put(f.path().substring(0, i), true);
        }
        if (!check.pending.containsKey(BackupLayout.DATABASE)) {
            throw new BackupRejectedException(Reason.NOT_A_BACKUP, "The archive holds no SnapOtter database; it is not a SnapOtter backup.");
        }
        return check;
    }

    BackupManifest manifest() {
        return manifest;
    }

    /** A folder entry is fine only as the parent of a listed file. */
    void directory(String name) throws BackupRejectedException {
        if (!directories.containsKey(name)) {
            throw new BackupRejectedException(Reason.TAMPERED, "The backup holds a folder '" + printable(name) + "' its manifest does not list; refused.");
        }
    }

    /** A file was read with this size and checksum. */
    void file(String name, long size, String sha256) throws BackupRejectedException {
        BackupFileEntry expected = pending.remove(name);
        if (expected == null) {
            throw new BackupRejectedException(Reason.TAMPERED, "The backup holds a file '" + printable(name) + "' its manifest does not list; refused.");
        }
        if (expected.size() != size || !expected.sha256().equals(sha256)) {
            throw new BackupRejectedException(Reason.TAMPERED, "'" + printable(name) + "' in the backup does not match its checksum: the file was altered or damaged.");
        }
    }

    /** After the last entry: nothing listed may be missing. */
    void complete() throws BackupRejectedException {
        if (!pending.isEmpty()) {
            throw new BackupRejectedException(Reason.TAMPERED, "The backup is missing " + pending.size() + " file(s) its manifest lists, e.g. '"
                    + printable(pending.keySet().iterator().next()) + "'.");
        }
    }

    static String printable(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().limit(200).forEach(c -> b.append(Character.isISOControl(c) ? '?' : Character.toString(c)));
        return b.toString();
    }
}
