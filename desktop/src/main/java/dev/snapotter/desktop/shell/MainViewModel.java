package dev.snapotter.desktop.shell;

import dev.snapotter.desktop.backend.BackendSelectorViewModel;
import dev.snapotter.desktop.notice.NoticeCenter;
import dev.snapotter.desktop.output.OutputViewModel;
import dev.snapotter.desktop.pipeline.PipelineViewModel;
import dev.snapotter.desktop.preset.PresetViewModel;
import dev.snapotter.desktop.preview.PreviewViewModel;
import dev.snapotter.desktop.queue.QueueItem;
import dev.snapotter.desktop.queue.QueueViewModel;
import dev.snapotter.desktop.run.RunViewModel;
import dev.snapotter.desktop.settings.SettingsStore;
import dev.snapotter.desktop.settings.Theme;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineJson;
import dev.snapotter.engine.tool.InvalidSettingsException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * Connects the feature ViewModels: the selection drives the preview, pipeline edits re-render it,
 * and every lasting choice (pipeline, output, theme, backend) is remembered in the settings.
 */
public final class MainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final QueueViewModel queue;
    private final PipelineViewModel pipeline;
    private final PreviewViewModel preview;
    private final OutputViewModel output;
    private final PresetViewModel presets;
    private final RunViewModel run;
    private final BackendSelectorViewModel backends;
    private final NoticeCenter notices;
    private final SettingsStore settings;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private long dropStartedNanos;

    public MainViewModel(QueueViewModel queue, PipelineViewModel pipeline, PreviewViewModel preview, OutputViewModel output,
                         PresetViewModel presets, RunViewModel run, BackendSelectorViewModel backends,
                         NoticeCenter notices, SettingsStore settings) {
        this.queue = queue;
        this.pipeline = pipeline;
        this.preview = preview;
        this.output = output;
        this.presets = presets;
        this.run = run;
        this.backends = backends;
        this.notices = notices;
        this.settings = settings;
        restore();
        wire();
    }

    private void restore() {
        var s = settings.get();
        theme.set(s.theme());
        output.load(s.output());
        backends.selectedProperty().set(s.backend());
        backends.remoteUrlProperty().set(s.remoteUrl());
        if (!s.lastPipelineJson().isBlank()) {
            try {
                pipeline.load(PipelineJson.parse(s.lastPipelineJson()));
            } catch (InvalidSettingsException | IllegalArgumentException e) {
                LOG.warn("The last session's pipeline could not be restored: {}", e.getMessage());
            }
        }
    }

    private void wire() {
        queue.selectedProperty().addListener((obs, old, item) -> {
            preview.show(item == null ? null : item.path());
            if (item != null) output.sampleInputProperty().set(item.path());
        });
        pipeline.pipelineProperty().addListener((obs, old, p) -> pipelineChanged(p));
        pipelineChanged(pipeline.pipeline());
        output.settingsProperty().addListener((obs, old, o) -> settings.update(s -> s.withOutput(o)));
        theme.addListener((obs, old, t) -> settings.update(s -> s.withTheme(t)));
        backends.selectedProperty().addListener((obs, old, b) -> settings.update(s -> s.withBackend(b)));
        backends.remoteUrlProperty().addListener((obs, old, u) -> settings.update(s -> s.withRemoteUrl(u)));
        preview.rendersProperty().addListener((obs, old, n) -> logFirstPreview());
    }

    private void pipelineChanged(Pipeline p) {
        preview.pipelineChanged(p, pipeline.isValid());
        output.toolChainProperty().set(p.steps().isEmpty() ? "edit"
                : String.join("-", p.steps().stream().map(st -> st.toolId()).toList()));
        String json = PipelineJson.write(p);
        settings.update(s -> s.withLastPipelineJson(json));
    }

    /** Files dropped on the window, chosen with Open…, or handed over by a second launch. */
    public void addFiles(List<Path> files) {
        if (files.isEmpty()) return;
        if (queue.items().isEmpty()) dropStartedNanos = System.nanoTime();
        queue.addPaths(files);
        Path first = files.getFirst();
        Path dir = first.toAbsolutePath().getParent();
        if (dir != null) settings.update(s -> s.withLastDirectory((java.nio.file.Files.isDirectory(first) ? first : dir).toString()));
    }

    private void logFirstPreview() {
        if (dropStartedNanos == 0) return;
        long ms = (System.nanoTime() - dropStartedNanos) / 1_000_000;
        dropStartedNanos = 0;
        QueueItem item = queue.selectedProperty().get();
        LOG.info("metric drop-to-first-preview-ms={} file={}", ms, item == null ? "?" : item.name());
    }

    public void toggleTheme() {
        theme.set(theme.get().toggled());
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public QueueViewModel queue() {
        return queue;
    }

    public PipelineViewModel pipeline() {
        return pipeline;
    }

    public PreviewViewModel preview() {
        return preview;
    }

    public OutputViewModel output() {
        return output;
    }

    public PresetViewModel presets() {
        return presets;
    }

    public RunViewModel run() {
        return run;
    }

    public BackendSelectorViewModel backends() {
        return backends;
    }

    public NoticeCenter notices() {
        return notices;
    }

    public SettingsStore settings() {
        return settings;
    }
}
