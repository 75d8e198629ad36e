package dev.snapotter.backup;

import java.util.Set;

/**
 * What of the data folder ({@code DATA_DIR}, {@code /data} in the image) goes into a backup. Decided by the
 * top-level name, because that is how every feature lays out its state:
 *
 * <ul>
 *   <li>{@value #DATABASE} is never copied as a file: it goes in as a {@link DatabaseSnapshot} under the same
 *       name, and its live side files ({@code -wal}, {@code -shm}, {@code -journal}) stay out;</li>
 *   <li>AI models and bundles ({@link #MODEL_DIRS}) go in only when asked: re-downloadable and large;</li>
 *   <li>caches, virtual environments and temp folders ({@link #CACHE_DIRS}) never go in: rebuilt on demand;</li>
 *   <li>our own working names ({@code .restore-*}, {@code .backup-*}) and partial files never go in;</li>
 *   <li>everything else goes in (uploads, {@code initial-admin-password}, settings files a later feature adds):
 *       unknown state is kept rather than silently lost.</li>
 * </ul>
 */
public final class BackupLayout {

    /** The SQLite database inside the data folder (DB_PATH default). */
    public static final String DATABASE = "snapotter.db";
    /** Downloaded AI models and installed bundles (the seed's {@code /data/ai}, plus the names bundles may use). */
    public static final Set<String> MODEL_DIRS = Set.of("ai", "models", "bundles");
    /** Rebuildable state: never archived. */
    public static final Set<String> CACHE_DIRS = Set.of("venv", "cache", ".cache", "tmp", ".tmp", "lost+found");
    /** Prefix of every name the backup and restore machinery creates inside the data folder. */
    public static final String RESERVED_PREFIX_RESTORE = ".restore-";
    public static final String RESERVED_PREFIX_BACKUP = ".backup-";

    private BackupLayout() {
    }

    /** Should the top-level child {@code name} of the data folder be archived as files? */
    public static boolean includeTopLevel(String name, boolean includeModels) {
        if (isReserved(name) || isDatabaseFile(name) || CACHE_DIRS.contains(name)) return false;
        if (MODEL_DIRS.contains(name)) return includeModels;
        return !name.endsWith(".partial");
    }

    /** The database or one of its live side files. */
    public static boolean isDatabaseFile(String name) {
        return name.equals(DATABASE) || name.startsWith(DATABASE + "-");
    }

    /** Names the backup/restore machinery owns: never archived, never accepted from an archive, never swapped. */
    public static boolean isReserved(String topLevelName) {
        // "..restore-journal.json.*.partial" is the journal's own atomic-write temp file
        String name = topLevelName.startsWith("..") ? topLevelName.substring(1) : topLevelName;
        return name.startsWith(RESERVED_PREFIX_RESTORE) || name.startsWith(RESERVED_PREFIX_BACKUP);
    }

    /** First path segment of an archive path. */
    static String topLevel(String archivePath) {
        int slash = archivePath.indexOf('/');
        return slash < 0 ? archivePath : archivePath.substring(0, slash);
    }
}
