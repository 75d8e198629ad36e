package dev.snapotter.cli.backup;

import dev.snapotter.backup.BackupManifest;
import dev.snapotter.backup.BackupSummary;
import java.io.PrintWriter;
import java.util.Map;

/** The human-readable description of a verified backup, shared by verify-backup and restore. */
final class BackupText {

    private BackupText() {
    }

    static void summary(BackupSummary s, boolean encrypted, PrintWriter out) {
        BackupManifest m = s.manifest();
        out.println("  created     " + m.createdAt() + " on " + m.sourceHost());
        out.println("  SnapOtter   " + m.appVersion() + " (database schema " + m.schemaVersion() + ")");
        out.println("  files       " + s.fileCount() + ", " + size(s.totalBytes())
                + (m.includesModels() ? " (AI models included)" : " (AI models not included)"));
        out.println("  encrypted   " + (encrypted ? "yes" : "no"));
        Map<String, Long> rows = m.tableRowCounts();
        String counts = String.join(", ", rows.entrySet().stream().filter(e -> !e.getKey().startsWith("flyway"))
                .map(e -> e.getValue() + " " + e.getKey()).toList());
        if (!counts.isEmpty()) out.println("  database    " + counts);
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        return String.format(java.util.Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
