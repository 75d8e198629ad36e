package dev.snapotter.desktop.app;

import dev.snapotter.desktop.backend.BackendKind;
import dev.snapotter.desktop.backend.BackendSelectorViewModel;
import dev.snapotter.desktop.backend.LocalEngineBackend;
import dev.snapotter.desktop.backend.RemoteServerConnector;
import dev.snapotter.desktop.backend.ServerBackend;
import dev.snapotter.control.api.ApiKeyStore;
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
import java.util.Optional;

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

    private final AppDirs dirs;
    private final TaskExecutor executor;
    private final SettingsStore settings;
    private final MainViewModel main;
    private final LocalEngineBackend local;
    private final dev.snapotter.desktop.server.ServerArea server;
    private volatile SubfolderAsker asker = folders -> true;

    /** Builds the Server area from the app's executor, its server-settings file and the desktop's own key. */
    @FunctionalInterface
    public interface ServerAreaFactory {
        dev.snapotter.desktop.server.ServerArea create(TaskExecutor executor,
                dev.snapotter.desktop.settings.ServerSettingsStore settings, ApiKeyStore desktopKey);
    }

    public AppContext(AppDirs dirs, ImageEngine engine, TaskExecutor executor, FolderOpener opener,
                      Duration settingsDebounce, Duration previewDebounce) {
        this(dirs, engine, executor, opener, settingsDebounce, previewDebounce,
                dev.snapotter.desktop.server.ServerArea::forDocker);
    }

    /** @param serverArea the real Docker-backed area in the app; tests put a scripted Docker behind it */
    public AppContext(AppDirs dirs, ImageEngine engine, TaskExecutor executor, FolderOpener opener,
                      Duration settingsDebounce, Duration previewDebounce, ServerAreaFactory serverArea) {
        this.dirs = dirs;
        this.executor = executor;
        this.settings = new SettingsStore(dirs.settingsFile(), executor, settingsDebounce);
        NoticeCenter notices = new NoticeCenter();
        this.local = new LocalEngineBackend(engine);
        this.server = serverArea.create(executor,
                new dev.snapotter.desktop.settings.ServerSettingsStore(dirs.serverSettingsFile()), desktopKeys(dirs));
        java.util.concurrent.atomic.AtomicReference<BackendSelectorViewModel> selector = new java.util.concurrent.atomic.AtomicReference<>();
        ServerBackend container = new ServerBackend(BackendKind.LOCAL_CONTAINER,
                new dev.snapotter.desktop.server.LocalContainerConnector(server.control(), desktopKeys(dirs)), local);
        ServerBackend remote = new ServerBackend(BackendKind.REMOTE_SERVER, new RemoteServerConnector(
                () -> selector.get().remoteUrlProperty().get(), () -> selector.get().plainHttpAcceptedProperty().get(),
                new ApiKeyStore(dirs.remoteApiKeyFile())), local);
        BackendSelectorViewModel backends = new BackendSelectorViewModel(List.of(local, container, remote), executor,
                Optional.of(new ApiKeyStore(dirs.remoteApiKeyFile())));
        selector.set(backends);
        // The container just became healthy (or stopped): the selector re-checks it if it is the chosen backend.
        server.server().healthyProperty().addListener((o, was, now) -> backends.refresh());
        server.firstStart().stateProperty().addListener((o, was, now) -> {
            if (now == dev.snapotter.desktop.server.FirstStartState.SIGNED_IN) backends.refresh();
        });
        QueueViewModel queue = new QueueViewModel(backends::local, executor, notices, subfolderPrompt());
        PipelineViewModel pipeline = new PipelineViewModel(local);
        PreviewViewModel preview = new PreviewViewModel(backends::local, executor, previewDebounce);
        OutputViewModel output = new OutputViewModel(new EngineNamePreview());
        PresetViewModel presets = new PresetViewModel(pipeline, output, settings, executor, notices);
        RunViewModel run = new RunViewModel(queue, pipeline, output, backends, executor, notices, opener);
        this.main = new MainViewModel(queue, pipeline, preview, output, presets, run, backends, notices, settings);
    }

    /** The desktop's own key for the local container, in the app-data folder (user-only file). */
    static ApiKeyStore desktopKeys(AppDirs dirs) {
        return new ApiKeyStore(dirs.root().resolve(ApiKeyStore.FILE_NAME));
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
