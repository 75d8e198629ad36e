package dev.snapotter.control.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the desktop's own API key in a file only this user can read (0600 on POSIX) in the OS app-data dir.
 * Writes go to a temp file created with those permissions from the start, then an atomic rename.
 */
public final class ApiKeyStore {

    public static final String FILE_NAME = "server-api-key";

    private final Path file;

    public ApiKeyStore(Path file) {
        this.file = file;
    }

    /** {@code <app data>/server-api-key} for the current user. */
    public static ApiKeyStore forCurrentUser() {
        return new ApiKeyStore(appDataDir(System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("os.name", "")).resolve(FILE_NAME));
    }

    /** Linux: $XDG_DATA_HOME/SnapOtter (~/.local/share); macOS: ~/Library/Application Support; Windows: %APPDATA%. */
    static Path appDataDir(Map<String, String> env, Path home, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return Optional.ofNullable(env.get("APPDATA")).map(Path::of).orElse(home.resolve("AppData/Roaming"))
                    .resolve("SnapOtter");
        }
        if (os.contains("mac")) return home.resolve("Library/Application Support/SnapOtter");
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg)).resolve("SnapOtter");
    }

    public Path file() {
        return file;
    }

    public Optional<String> load() throws IOException {
        if (!Files.isRegularFile(file)) return Optional.empty();
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    public void save(String key) throws IOException {
        if (key == null || key.isBlank() || key.contains("\n")) throw new IllegalArgumentException("Not an API key");
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix
                ? Files.createTempFile(dir, ".api-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".api-key", ".tmp");
        try {
            Files.writeString(tmp, key, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
