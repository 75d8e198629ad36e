package dev.snapotter.desktop.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the image archive that ships with the app: an explicit {@code snapotter.image.tar} system property, next to
 * the installed app (jpackage's {@code jpackage.app-path}), or — in a source checkout — the one
 * {@code container/image/build.sh} writes to {@code container/image/target/}.
 */
public final class BundledImage {

    private BundledImage() {
    }

    public static String fileName(String version) {
        return "snapotter-image-" + version + ".tar";
    }

    public static Optional<Path> locate(String version) {
        return candidates(version, System.getProperty("snapotter.image.tar"), System.getProperty("jpackage.app-path"),
                Path.of(System.getProperty("user.dir"))).stream().filter(Files::isRegularFile).findFirst();
    }

    /** Every place looked at, in order (tests check the order without touching the real file system). */
    static List<Path> candidates(String version, String explicit, String appPath, Path workDir) {
        List<Path> out = new ArrayList<>();
        if (explicit != null && !explicit.isBlank()) out.add(Path.of(explicit));
        String name = fileName(version);
        if (appPath != null && !appPath.isBlank()) {
            Path launcherDir = Path.of(appPath).toAbsolutePath().getParent();
            if (launcherDir != null) {
                out.add(launcherDir.resolve(name));
                if (launcherDir.getParent() != null) {
                    out.add(launcherDir.getParent().resolve(name));
                    out.add(launcherDir.getParent().resolve("lib").resolve("app").resolve(name));
                }
            }
        }
        for (Path dir = workDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            out.add(dir.resolve("container").resolve("image").resolve("target").resolve(name));
        }
        return out;
    }
}
