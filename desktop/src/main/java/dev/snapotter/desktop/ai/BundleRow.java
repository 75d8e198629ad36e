package dev.snapotter.desktop.ai;

/**
 * One line of the AI panel: a catalogue bundle or an installed one.
 *
 * @param sizeBytes      installed size (what the disk must hold)
 * @param diskUsageBytes what it occupies now (0 when not installed)
 */
public record BundleRow(String id, String name, String version, String license, long sizeBytes, boolean installed,
                        long diskUsageBytes, boolean downloadable, boolean signed) {

    public String status() {
        return installed ? "Installed" : "Not installed";
    }

    public static String humanBytes(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        return String.format(java.util.Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
