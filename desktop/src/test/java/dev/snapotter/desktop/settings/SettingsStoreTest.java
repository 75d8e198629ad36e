package dev.snapotter.desktop.settings;

import dev.snapotter.desktop.support.Recorder;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void aBurstOfChangesIsSavedOnceAfterTheDebounce() throws Exception {
        DirectTaskExecutor ex = new DirectTaskExecutor(new Recorder());
        SettingsStore victim = new SettingsStore(dir.resolve("settings.json"), ex, Duration.ofSeconds(1));
        victim.update(s -> s.withTheme(Theme.DARK));
        victim.update(s -> s.withLastDirectory("/photos"));
        assertThat(dir.resolve("settings.json")).doesNotExist();
        assertThat(ex.runScheduled()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("settings.json"))).contains("DARK").contains("/photos");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
        assertThat(new SettingsStore(dir.resolve("settings.json"), ex, Duration.ZERO).get().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void aCorruptFileIsMovedAsideAndDefaultsAreUsed() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{not json");
        SettingsStore victim = new SettingsStore(dir.resolve("settings.json"), new DirectTaskExecutor(new Recorder()), Duration.ZERO);
        assertThat(victim.get()).isEqualTo(AppSettings.defaults());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("settings.json.corrupt-"));
        }
    }

    @Test
    void flushWritesImmediately() {
        SettingsStore victim = new SettingsStore(dir.resolve("s.json"), new DirectTaskExecutor(new Recorder()), Duration.ofHours(1));
        victim.update(s -> s.withRecentPreset("/a.json").withRecentPreset("/b.json").withRecentPreset("/a.json"));
        victim.flush();
        SettingsStore reread = new SettingsStore(dir.resolve("s.json"), new DirectTaskExecutor(new Recorder()), Duration.ZERO);
        assertThat(reread.get().recentPresets()).containsExactly("/a.json", "/b.json");
    }

    @Test
    void sillyWindowGeometryFallsBackToTheDefault() {
        assertThat(new WindowGeometry(0, 0, 10, 10, false).sane()).isEqualTo(WindowGeometry.DEFAULT);
        assertThat(new WindowGeometry(5, 5, 1000, 700, true).sane().width()).isEqualTo(1000);
    }
}
