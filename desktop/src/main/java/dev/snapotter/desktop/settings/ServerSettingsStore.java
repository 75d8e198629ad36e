package dev.snapotter.desktop.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * {@code server-settings.json}: loaded once, replaced atomically on every change (temp + rename). A separate file
 * from {@code settings.json} so the editor's frequent debounced saves and the Server window never overwrite
 * each other's fields. A corrupt file is moved aside and defaults are used, like {@link SettingsStore}.
 * Writes are blocking: callers run them on a background lane.
 */
public final class ServerSettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSettingsStore.class);

    private final Path file;
    private final AtomicReference<ServerSettings> current;

    public ServerSettingsStore(Path file) {
        this.file = file;
        this.current = new AtomicReference<>(load(file));
    }

    public Path file() {
        return file;
    }

    public ServerSettings get() {
        return current.get();
    }

    /** Applies and writes the change; synchronized so two writers cannot interleave their renames. */
    public synchronized ServerSettings update(UnaryOperator<ServerSettings> change) {
        ServerSettings before = current.get();
        ServerSettings after = change.apply(before);
        if (after.equals(before)) return after;
        try {
            AtomicFiles.writeString(file, SettingsStore.JSON.writeValueAsString(after));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + file + ": " + e.getMessage(), e);
        }
        current.set(after);
        return after;
    }

    static ServerSettings load(Path file) {
        if (!Files.exists(file)) return ServerSettings.defaults();
        try {
            ServerSettings s = SettingsStore.JSON.readValue(file.toFile(), ServerSettings.class);
            return s == null ? ServerSettings.defaults() : s;
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            LOG.warn("Server settings {} are unreadable ({}); moved to {}, using defaults", file, e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveError) {
                LOG.warn("Could not move the unreadable server settings aside", moveError);
            }
            return ServerSettings.defaults();
        }
    }
}
