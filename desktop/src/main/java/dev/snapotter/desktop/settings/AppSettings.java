package dev.snapotter.desktop.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.snapotter.desktop.backend.BackendKind;
import dev.snapotter.desktop.output.OutputSettings;

import java.util.List;

/**
 * Everything the app remembers between launches. Immutable; {@link SettingsStore#update} swaps in a
 * changed copy. Unknown keys are ignored so an older app can read a newer file.
 *
 * @param lastPipelineJson the pipeline being edited, in SnapOtter's {@code {"steps":[…]}} format
 * @param recentPresets    preset files, most recent first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSettings(Theme theme, WindowGeometry window, String lastDirectory, SubfolderChoice subfolders,
                          OutputSettings output, String lastPipelineJson, List<String> recentPresets,
                          BackendKind backend, String remoteUrl, boolean splitPreview) {

    public static final int MAX_RECENT_PRESETS = 8;

    public static AppSettings defaults() {
        return new AppSettings(Theme.LIGHT, WindowGeometry.DEFAULT, "", SubfolderChoice.ASK, OutputSettings.DEFAULT,
                "", List.of(), BackendKind.LOCAL_ENGINE, "", true);
    }

    public AppSettings {
        theme = theme == null ? Theme.LIGHT : theme;
        window = window == null ? WindowGeometry.DEFAULT : window;
        lastDirectory = lastDirectory == null ? "" : lastDirectory;
        subfolders = subfolders == null ? SubfolderChoice.ASK : subfolders;
        output = output == null ? OutputSettings.DEFAULT : output;
        lastPipelineJson = lastPipelineJson == null ? "" : lastPipelineJson;
        recentPresets = recentPresets == null ? List.of() : List.copyOf(recentPresets);
        backend = backend == null ? BackendKind.LOCAL_ENGINE : backend;
        remoteUrl = remoteUrl == null ? "" : remoteUrl;
    }

    public AppSettings withTheme(Theme t) {
        return new AppSettings(t, window, lastDirectory, subfolders, output, lastPipelineJson, recentPresets, backend, remoteUrl, splitPreview);
    }

    public AppSettings withWindow(WindowGeometry w) {
        return new AppSettings(theme, w, lastDirectory, subfolders, output, lastPipelineJson, recentPresets, backend, remoteUrl, splitPreview);
    }

    public AppSettings withLastDirectory(String d) {
        return new AppSettings(theme, window, d, subfolders, output, lastPipelineJson, recentPresets, backend, remoteUrl, splitPreview);
    }

    public AppSettings withSubfolders(SubfolderChoice s) {
        return new AppSettings(theme, window, lastDirectory, s, output, lastPipelineJson, recentPresets, backend, remoteUrl, splitPreview);
    }

    public AppSettings withOutput(OutputSettings o) {
        return new AppSettings(theme, window, lastDirectory, subfolders, o, lastPipelineJson, recentPresets, backend, remoteUrl, splitPreview);
    }

    public AppSettings withLastPipelineJson(String p) {
        return new AppSettings(theme, window, lastDirectory, subfolders, output, p, recentPresets, backend, remoteUrl, splitPreview);
    }

    public AppSettings withRecentPresets(List<String> r) {
        return new AppSettings(theme, window, lastDirectory, subfolders, output, lastPipelineJson, r, backend, remoteUrl, splitPreview);
    }

    public AppSettings withBackend(BackendKind b) {
        return new AppSettings(theme, window, lastDirectory, subfolders, output, lastPipelineJson, recentPresets, b, remoteUrl, splitPreview);
    }

    public AppSettings withRemoteUrl(String u) {
        return new AppSettings(theme, window, lastDirectory, subfolders, output, lastPipelineJson, recentPresets, backend, u, splitPreview);
    }

    public AppSettings withSplitPreview(boolean s) {
        return new AppSettings(theme, window, lastDirectory, subfolders, output, lastPipelineJson, recentPresets, backend, remoteUrl, s);
    }

    /** Moves {@code path} to the front of the recent list, keeping at most {@link #MAX_RECENT_PRESETS}. */
    public AppSettings withRecentPreset(String path) {
        List<String> list = new java.util.ArrayList<>(recentPresets);
        list.remove(path);
        list.addFirst(path);
        return withRecentPresets(list.subList(0, Math.min(list.size(), MAX_RECENT_PRESETS)));
    }
}
