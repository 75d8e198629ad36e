package dev.snapotter.installers;

import dev.snapotter.desktop.server.BundledImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's install.sh puts the image archive at /opt/snapotter/lib/app/snapotter-image-VERSION.tar; the installed
 * launcher is /opt/snapotter/bin/SnapOtter (jpackage sets jpackage.app-path to it). This checks that the desktop's
 * own lookup (BundledImage) finds the archive in exactly that layout, so "Start" loads it with no network.
 */
class KitLayoutTest {

    @TempDir
    Path opt;

    @Test
    void desktopFindsTheKitsImageNextToTheInstalledApp() throws IOException {
        String version = Outputs.version();
        Path launcher = Files.createDirectories(opt.resolve("snapotter/bin")).resolve("SnapOtter");
        Files.writeString(launcher, "#!/bin/sh\n");
        Path image = Files.createDirectories(opt.resolve("snapotter/lib/app")).resolve(BundledImage.fileName(version));
        Files.writeString(image, "image");
        String before = System.getProperty("jpackage.app-path");
        String explicit = System.clearProperty("snapotter.image.tar");
        try {
            System.setProperty("jpackage.app-path", launcher.toString());
            assertThat(BundledImage.locate(version)).contains(image);
        } finally {
            if (before == null) System.clearProperty("jpackage.app-path"); else System.setProperty("jpackage.app-path", before);
            if (explicit != null) System.setProperty("snapotter.image.tar", explicit);
        }
    }
}
