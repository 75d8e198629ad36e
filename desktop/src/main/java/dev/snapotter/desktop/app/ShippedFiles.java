package dev.snapotter.desktop.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where files that ship next to the installed app are looked for: the container image archive
 * ({@code BundledImage}) and the AI bundles folder ({@code ShippedBundles}) of the air-gapped kit. One list of
 * places, in order, so both find their files in the same layouts:
 * <ol>
 *   <li>an explicit path (a system property the caller names);</li>
 *   <li>next to the installed app, found from jpackage's {@code jpackage.app-path} (the launcher): the launcher's
 *       folder, its parent, then jpackage's app-content folder — {@code <root>/lib/app} on Linux (the kit's
 *       {@code install.sh} puts the image and {@code bundles/} in {@code /opt/snapotter/lib/app}),
 *       {@code <root>/app} on Windows (launcher in the root), {@code Contents/app} on macOS (launcher in
 *       {@code Contents/MacOS});</li>
 *   <li>in a source checkout: the build output, from the working folder and each of its parents.</li>
 * </ol>
 */
public final class ShippedFiles {

    /** jpackage sets this to the launcher's path in an installed app. */
    public static final String APP_PATH_PROPERTY = "jpackage.app-path";

    private ShippedFiles() {
    }

    /**
     * Every place {@code name} may be, in order (callers pick the first that exists).
     *
     * @param explicit   a path the user or a test set (null or blank: none)
     * @param appPath    the launcher's path ({@value #APP_PATH_PROPERTY}; null outside an installed app)
     * @param workDir    the working folder, walked up for a source checkout
     * @param name       the file or folder name next to the app
     * @param inCheckout where a source checkout's build leaves it, relative to the checkout's root
     */
    public static List<Path> candidates(String explicit, String appPath, Path workDir, String name, Path inCheckout) {
        List<Path> out = new ArrayList<>();
        if (explicit != null && !explicit.isBlank()) out.add(Path.of(explicit));
        for (Path dir : appDirs(appPath)) out.add(dir.resolve(name));
        out.addAll(inCheckout(workDir, inCheckout));
        return out;
    }

    /**
     * Only the source-checkout places: {@code inCheckout} under the working folder and each of its parents (for
     * files that exist only in a checkout, such as {@code container/image/build.sh}).
     */
    public static List<Path> inCheckout(Path workDir, Path inCheckout) {
        List<Path> out = new ArrayList<>();
        for (Path dir = workDir.toAbsolutePath(); dir != null; dir = dir.getParent()) out.add(dir.resolve(inCheckout));
        return out;
    }

    /** The same, with this JVM's {@value #APP_PATH_PROPERTY} and working folder. */
    public static List<Path> candidates(String explicitProperty, String name, Path inCheckout) {
        return candidates(System.getProperty(explicitProperty), System.getProperty(APP_PATH_PROPERTY), Path.of(System.getProperty("user.dir")),
                name, inCheckout);
    }

    /** The installed app's folders, most specific first; empty outside an installed app. */
    static List<Path> appDirs(String appPath) {
        List<Path> out = new ArrayList<>();
        if (appPath == null || appPath.isBlank()) return out;
        Path launcherDir = Path.of(appPath).toAbsolutePath().getParent();
        if (launcherDir == null) return out;
        out.add(launcherDir);
        Path root = launcherDir.getParent();
        if (root != null) {
            out.add(root);
            out.add(root.resolve("lib").resolve("app")); // Linux: /opt/snapotter/bin/SnapOtter -> /opt/snapotter/lib/app
        }
        out.add(launcherDir.resolve("app")); // Windows: C:\Program Files\SnapOtter\SnapOtter.exe -> ...\SnapOtter\app
        if (root != null) out.add(root.resolve("app")); // macOS: SnapOtter.app/Contents/MacOS/SnapOtter -> Contents/app
        return out;
    }
}
