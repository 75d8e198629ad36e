package dev.snapotter.desktop.app;

import dev.snapotter.desktop.instance.SingleInstance;

import java.util.List;

/**
 * What {@link dev.snapotter.desktop.Launcher} prepared before JavaFX starts. JavaFX instantiates the
 * Application itself, so this is the one hand-off point between the two.
 */
public record LaunchState(AppDirs dirs, SingleInstance instance, List<String> files) {

    private static volatile LaunchState current;

    public static void set(LaunchState state) {
        current = state;
    }

    public static LaunchState get() {
        return current;
    }
}
