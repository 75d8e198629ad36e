package dev.snapotter.desktop.preset;

import dev.snapotter.desktop.notice.NoticeCenter;
import dev.snapotter.desktop.output.OutputViewModel;
import dev.snapotter.desktop.pipeline.PipelineViewModel;
import dev.snapotter.desktop.settings.AtomicFiles;
import dev.snapotter.desktop.settings.SettingsStore;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Export and import of presets (pipeline + output settings) and the recent list. File work runs on
 * the IO lane; applying a preset is all-or-nothing: a preset naming an unknown tool changes nothing.
 */
public final class PresetViewModel {

    private final PipelineViewModel pipeline;
    private final OutputViewModel output;
    private final SettingsStore settings;
    private final TaskExecutor executor;
    private final NoticeCenter notices;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final StringProperty currentName = new SimpleStringProperty("Untitled");

    public PresetViewModel(PipelineViewModel pipeline, OutputViewModel output, SettingsStore settings,
                           TaskExecutor executor, NoticeCenter notices) {
        this.pipeline = pipeline;
        this.output = output;
        this.settings = settings;
        this.executor = executor;
        this.notices = notices;
        settings.get().recentPresets().forEach(p -> recent.add(Path.of(p)));
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public StringProperty currentNameProperty() {
        return currentName;
    }

    public Preset current() {
        return new Preset(currentName.get(), pipeline.pipeline(), output.settings());
    }

    public void exportTo(Path file) {
        String name = baseName(file);
        Preset preset = new Preset(name, pipeline.pipeline(), output.settings());
        executor.execute(Lane.IO, BackgroundTask.action("export preset", ctx -> AtomicFiles.writeString(file, PresetJson.write(preset)))
                .onSuccess(v -> {
                    currentName.set(name);
                    remember(file);
                    notices.info("Preset saved", file.toString());
                })
                .onFailure(e -> notices.error("Could not save the preset", file + ": " + e.getMessage())));
    }

    public void importFrom(Path file) {
        executor.execute(Lane.IO, BackgroundTask.of("import preset", ctx -> read(file))
                .onSuccess(preset -> apply(preset, file))
                .onFailure(e -> notices.error("Could not open the preset", file.getFileName() + ": " + e.getMessage())));
    }

    private static Preset read(Path file) throws IOException, PresetFormatException {
        if (Files.size(file) > PresetJson.MAX_CHARS) throw new PresetFormatException("The file is too large to be a preset.");
        return PresetJson.parse(Files.readString(file, StandardCharsets.UTF_8), baseName(file));
    }

    private void apply(Preset preset, Path file) {
        try {
            pipeline.load(preset.pipeline());
        } catch (IllegalArgumentException e) {
            notices.error("Could not open the preset", e.getMessage());
            return;
        }
        if (preset.output() != null) output.load(preset.output());
        currentName.set(preset.name());
        remember(file);
        notices.info("Preset loaded", preset.name());
    }

    private void remember(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        recent.remove(abs);
        recent.addFirst(abs);
        while (recent.size() > dev.snapotter.desktop.settings.AppSettings.MAX_RECENT_PRESETS) recent.removeLast();
        settings.update(s -> s.withRecentPreset(abs.toString()));
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
