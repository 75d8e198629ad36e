package dev.snapotter.desktop.backup;

import dev.snapotter.backup.BackupManifest;
import dev.snapotter.backup.BackupSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/** Plain-language descriptions of backups and sizes for the wizard (no toolkit types). */
final class SummaryText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.getDefault());
    private static final Map<String, String> TABLES = Map.of("users", "users", "api_keys", "API keys",
            "pipelines", "saved pipelines", "audit_log", "audit-log entries", "settings", "settings");

    private SummaryText() {
    }

    static String of(BackupSummary s, boolean encrypted, ZoneId zone) {
        BackupManifest m = s.manifest();
        StringBuilder b = new StringBuilder();
        b.append("Taken ").append(WHEN.format(m.createdAt().atZone(zone))).append(" on ").append(m.sourceHost())
                .append(" by SnapOtter ").append(m.appVersion()).append(" (database schema ").append(m.schemaVersion())
                .append(")\n");
        b.append(s.fileCount()).append(" files, ").append(size(s.totalBytes()))
                .append(m.includesModels() ? ", AI models included" : ", without AI models")
                .append(encrypted ? ", encrypted" : "").append('\n');
        StringBuilder rows = new StringBuilder();
        for (var e : new java.util.TreeMap<>(m.tableRowCounts()).entrySet()) {
            String label = TABLES.get(e.getKey());
            if (label == null) continue;
            if (!rows.isEmpty()) rows.append(", ");
            rows.append(e.getValue()).append(' ').append(label);
        }
        if (!rows.isEmpty()) b.append("Holds ").append(rows).append('\n');
        b.append("Every file matches its checksum.");
        return b.toString();
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
