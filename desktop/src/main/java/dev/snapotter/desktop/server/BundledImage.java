package dev.snapotter.desktop.server;

import dev.snapotter.desktop.app.ShippedFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the image archive that ships with the app: an explicit {@code snapotter.image.tar} system property, next to
 * the installed app (jpackage's {@code jpackage.app-path}), or — in a source checkout — the one
 * {@code container/image/build.sh} writes to {@code container/image/target/}. The places are {@link ShippedFiles}'
 * (shared with the AI bundles folder).
 */
public final class BundledImage {

    /** An explicit image archive (a kit on a USB stick, tests). */
    public static final String PROPERTY = "snapotter.image.tar";

    private BundledImage() {
    }

    public static String fileName(String version) {
        return "snapotter-image-" + version + ".tar";
    }

    public static Optional<Path> locate(String version) {
        return ShippedFiles.candidates(PROPERTY, fileName(version), checkoutPath(version)).stream().filter(Files::isRegularFile).findFirst();
    }

    /** Every place looked at, in order (tests check the order without touching the real file system). */
    static List<Path> candidates(String version, String explicit, String appPath, Path workDir) {
        return ShippedFiles.candidates(explicit, appPath, workDir, fileName(version), checkoutPath(version));
    }

    private static Path checkoutPath(String version) {
        return Path.of("container", "image", "target", fileName(version));
    }
}
