package dev.snapotter.desktop.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import dev.snapotter.desktop.task.TaskHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Loads {@code settings.json} from the app-data folder and saves it atomically, debounced: a burst of
 * changes (dragging a window, typing a template) becomes one write a second later, on the IO lane.
 * A corrupt file is moved aside (never lost) and defaults are used.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final TaskExecutor executor;
    private final Duration debounce;
    private final AtomicReference<AppSettings> current = new AtomicReference<>();
    private TaskHandle pendingSave = TaskHandle.DONE;

    public SettingsStore(Path file, TaskExecutor executor, Duration debounce) {
        this.file = file;
        this.executor = executor;
        this.debounce = debounce;
        this.current.set(load(file));
    }

    public Path file() {
        return file;
    }

    public AppSettings get() {
        return current.get();
    }

    /** Applies a change now (in memory) and schedules a save; call on the UI thread. */
    public void update(UnaryOperator<AppSettings> change) {
        AppSettings before = current.get();
        AppSettings after = change.apply(before);
        if (after.equals(before)) return;
        current.set(after);
        pendingSave.cancel();
        pendingSave = executor.schedule(debounce, this::saveInBackground);
    }

    private void saveInBackground() {
        AppSettings snapshot = current.get();
        executor.execute(Lane.IO, BackgroundTask.action("save settings", ctx -> write(snapshot)));
    }

    /** Writes synchronously; used at shutdown so the last change is not lost. */
    public void flush() {
        pendingSave.cancel();
        try {
            write(current.get());
        } catch (IOException e) {
            LOG.error("Could not save settings to {}", file, e);
        }
    }

    private void write(AppSettings settings) throws IOException {
        AtomicFiles.writeString(file, JSON.writeValueAsString(settings));
        LOG.debug("Settings saved to {}", file);
    }

    static AppSettings load(Path file) {
        if (!Files.exists(file)) return AppSettings.defaults();
        try {
            AppSettings s = JSON.readValue(file.toFile(), AppSettings.class);
            return s == null ? AppSettings.defaults() : s;
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            LOG.warn("Settings file {} is unreadable ({}); moved it to {} and started with defaults", file, e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveError) {
                LOG.warn("Could not move the unreadable settings file aside", moveError);
            }
            return AppSettings.defaults();
        }
    }
}
