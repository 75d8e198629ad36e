package dev.snapotter.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}, the first entry of every backup. Whether the archive is encrypted is a property
 * of the file (its first bytes), not of the manifest, which is only readable once decrypted.
 *
 * @param formatVersion    {@value #FORMAT_VERSION}; readers refuse versions they do not know
 * @param appVersion       server version that wrote the backup
 * @param schemaVersion    latest successfully applied Flyway migration of the database (0 = no Flyway history)
 * @param createdAt        when the database snapshot was taken
 * @param sourceHost       host name of the machine (or container) that wrote it, for people telling backups apart
 * @param includesModels   AI models and bundles are inside
 * @param files            every file in the archive except this manifest, in archive order
 * @param tableRowCounts   rows per table of the database snapshot, checked again after a restore
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupManifest(int formatVersion, String appVersion, int schemaVersion, Instant createdAt, String sourceHost,
                             boolean includesModels, List<BackupFileEntry> files, Map<String, Long> tableRowCounts) {

    public static final int FORMAT_VERSION = 1;
    /** Archive name of the manifest; always the first entry. */
    public static final String FILE_NAME = "manifest.json";

    public BackupManifest {
        files = files == null ? List.of() : List.copyOf(files);
        tableRowCounts = tableRowCounts == null ? Map.of() : Map.copyOf(tableRowCounts);
    }

    /** Sum of all file sizes (what a restore writes to disk). */
    public long totalBytes() {
        return files.stream().mapToLong(BackupFileEntry::size).sum();
    }
}
