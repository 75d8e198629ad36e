package dev.snapotter.desktop.ai;

import java.nio.file.Path;

/**
 * One line of the AI panel: a catalogue bundle, an installed one, or one shipped with the app.
 *
 * @param sizeBytes      installed size (what the disk must hold)
 * @param diskUsageBytes what it occupies now (0 when not installed)
 * @param downloadable   the catalogue has a download URL for it
 * @param shippedFile    the bundle file shipped with the app (installs with no network), or null
 * @param pending        what a server is doing with it right now ("queued", "installing"), or null
 */
public record BundleRow(String id, String name, String version, String license, long sizeBytes, boolean installed,
                        long diskUsageBytes, boolean downloadable, boolean signed, Path shippedFile, String pending) {

    /** A row nothing is happening to. */
    public BundleRow(String id, String name, String version, String license, long sizeBytes, boolean installed,
                     long diskUsageBytes, boolean downloadable, boolean signed, Path shippedFile) {
        this(id, name, version, license, sizeBytes, installed, diskUsageBytes, downloadable, signed, shippedFile, null);
    }

    /** Install works from the shipped file, without the network. */
    public boolean availableOffline() {
        return shippedFile != null;
    }

    /** Whether "Install" can do something for this row (from the shipped file first, else a download). */
    public boolean installable() {
        return !installed && pending == null && (availableOffline() || downloadable);
    }

    public String status() {
        if (installed) return "Installed";
        if ("queued".equals(pending)) return "Queued on the server";
        if (pending != null) return "Installing on the server…";
        return availableOffline() ? "Available offline" : "Not installed";
    }

    public static String humanBytes(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        return String.format(java.util.Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
