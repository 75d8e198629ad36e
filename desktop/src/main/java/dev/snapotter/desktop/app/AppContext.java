package dev.snapotter.desktop.app;

import dev.snapotter.desktop.backend.BackendKind;
import dev.snapotter.desktop.backend.BackendSelectorViewModel;
import dev.snapotter.desktop.backend.LocalEngineBackend;
import dev.snapotter.desktop.backend.UnavailableBackend;
import dev.snapotter.desktop.notice.NoticeCenter;
import dev.snapotter.desktop.output.EngineNamePreview;
import dev.snapotter.desktop.output.OutputViewModel;
import dev.snapotter.desktop.pipeline.PipelineViewModel;
import dev.snapotter.desktop.preset.PresetViewModel;
import dev.snapotter.desktop.preview.PreviewViewModel;
import dev.snapotter.desktop.queue.QueueViewModel;
import dev.snapotter.desktop.queue.SubfolderPrompt;
import dev.snapotter.desktop.run.FolderOpener;
import dev.snapotter.desktop.run.RunViewModel;
import dev.snapotter.desktop.settings.SettingsStore;
import dev.snapotter.desktop.settings.SubfolderChoice;
import dev.snapotter.desktop.shell.MainViewModel;
import dev.snapotter.desktop.task.TaskExecutor;
import dev.snapotter.engine.ImageEngine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The composition root: every service and ViewModel built once, by constructor, in dependency order
 * (no DI container; the graph is small enough to read top to bottom). The app and the UI tests both
 * start from here, so tests exercise the real wiring.
 */
public final class AppContext implements AutoCloseable {

    /** How the app asks the user about sub-folders; the main view installs a dialog. */
    public interface SubfolderAsker {
        boolean ask(List<Path> folders);
    }

    public static final String CONTAINER_NOT_YET = "Local container: not available yet — it arrives with the container control library.";
    public static final String REMOTE_NOT_YET = "Remote server: not available yet — it arrives with the server API client.";

    private final AppDirs dirs;
    private final TaskExecutor executor;
    private final SettingsStore settings;
    private final MainViewModel main;
    private final LocalEngineBackend local;
    private final dev.snapotter.desktop.server.ServerArea server;
    private volatile SubfolderAsker asker = folders -> true;

    public AppContext(AppDirs dirs, ImageEngine engine, TaskExecutor executor, FolderOpener opener,
                      Duration settingsDebounce, Duration previewDebounce) {
        this.dirs = dirs;
        this.executor = executor;
        this.settings = new SettingsStore(dirs.settingsFile(), executor, settingsDebounce);
        NoticeCenter notices = new NoticeCenter();
        this.local = new LocalEngineBackend(engine);
        BackendSelectorViewModel backends = new BackendSelectorViewModel(List.of(local,
                new UnavailableBackend(BackendKind.LOCAL_CONTAINER, CONTAINER_NOT_YET),
                new UnavailableBackend(BackendKind.REMOTE_SERVER, REMOTE_NOT_YET)));
        QueueViewModel queue = new QueueViewModel(backends::local, executor, notices, subfolderPrompt());
        PipelineViewModel pipeline = new PipelineViewModel(local);
        PreviewViewModel preview = new PreviewViewModel(backends::local, executor, previewDebounce);
        OutputViewModel output = new OutputViewModel(new EngineNamePreview());
        PresetViewModel presets = new PresetViewModel(pipeline, output, settings, executor, notices);
        RunViewModel run = new RunViewModel(queue, pipeline, output, backends, executor, notices, opener);
        this.main = new MainViewModel(queue, pipeline, preview, output, presets, run, backends, notices, settings);
        this.server = dev.snapotter.desktop.server.ServerArea.forDocker(executor);
    }

    /** Remembered answers skip the question; "ask" defers to the installed {@link SubfolderAsker}. */
    private SubfolderPrompt subfolderPrompt() {
        return folders -> switch (settings.get().subfolders()) {
            case INCLUDE -> true;
            case EXCLUDE -> false;
            case ASK -> asker.ask(folders);
        };
    }

    public void setSubfolderAsker(SubfolderAsker asker) {
        this.asker = asker;
    }

    public void rememberSubfolderChoice(boolean include) {
        settings.update(s -> s.withSubfolders(include ? SubfolderChoice.INCLUDE : SubfolderChoice.EXCLUDE));
    }

    public AppDirs dirs() {
        return dirs;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public SettingsStore settings() {
        return settings;
    }

    public MainViewModel main() {
        return main;
    }

    /** The Server area (local container); Docker is first contacted when the area opens. */
    public dev.snapotter.desktop.server.ServerArea server() {
        return server;
    }

    public LocalEngineBackend localBackend() {
        return local;
    }

    @Override
    public void close() {
        main.run().cancel();
        server.close();
        settings.flush();
        executor.close();
    }
}
