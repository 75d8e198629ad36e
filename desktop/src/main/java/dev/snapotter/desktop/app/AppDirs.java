package dev.snapotter.desktop.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The OS app-data folder: {@code $XDG_CONFIG_HOME/snapotter} (default {@code ~/.config/snapotter}) on Linux,
 * {@code %APPDATA%\SnapOtter} on Windows, {@code ~/Library/Application Support/SnapOtter} on macOS.
 * {@code -Dsnapotter.home=DIR} overrides it (tests, portable installs).
 */
public record AppDirs(Path root) {

    public static AppDirs detect() {
        return detect(System.getProperty("snapotter.home"), System.getProperty("os.name", ""),
                System.getProperty("user.home"), System.getenv());
    }

    static AppDirs detect(String override, String osName, String userHome, Map<String, String> env) {
        if (override != null && !override.isBlank()) return new AppDirs(Path.of(override));
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return new AppDirs((appData == null || appData.isBlank() ? home.resolve("AppData/Roaming") : Path.of(appData)).resolve("SnapOtter"));
        }
        if (os.contains("mac")) return new AppDirs(home.resolve("Library/Application Support/SnapOtter"));
        String xdg = env.get("XDG_CONFIG_HOME");
        // XDG says relative values are invalid and must be ignored.
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return new AppDirs(base.resolve("snapotter"));
    }

    public Path settingsFile() {
        return root.resolve("settings.json");
    }

    /** The local server's settings and the remembered Docker endpoint (Server window). */
    public Path serverSettingsFile() {
        return root.resolve("server-settings.json");
    }

    public Path logDir() {
        return root.resolve("logs");
    }

    public Path presetDir() {
        return root.resolve("presets");
    }

    public Path instanceLock() {
        return root.resolve("instance.lock");
    }

    public Path instanceInfo() {
        return root.resolve("instance.json");
    }

    /** The remote server's API key, kept out of settings.json in a user-only file. */
    public Path remoteApiKeyFile() {
        return root.resolve("remote-api-key");
    }
}
