package dev.snapotter.installers;

import dev.snapotter.desktop.ai.ShippedBundles;
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
    void desktopFindsTheKitsImageAndBundlesNextToTheInstalledApp() throws IOException {
        String version = Outputs.version();
        Path launcher = Files.createDirectories(opt.resolve("snapotter/bin")).resolve("SnapOtter");
        Files.writeString(launcher, "#!/bin/sh\n");
        Path image = Files.createDirectories(opt.resolve("snapotter/lib/app")).resolve(BundledImage.fileName(version));
        Files.writeString(image, "image");
        Path bundles = Files.createDirectories(opt.resolve("snapotter/lib/app/bundles"));
        String before = System.getProperty("jpackage.app-path");
        String explicit = System.clearProperty(BundledImage.PROPERTY);
        String explicitBundles = System.clearProperty(ShippedBundles.PROPERTY);
        try {
            System.setProperty("jpackage.app-path", launcher.toString());
            assertThat(BundledImage.locate(version)).contains(image);
            assertThat(ShippedBundles.detect().folder()).as("the AI panel's shipped bundles").contains(bundles);
        } finally {
            if (before == null) System.clearProperty("jpackage.app-path"); else System.setProperty("jpackage.app-path", before);
            if (explicit != null) System.setProperty(BundledImage.PROPERTY, explicit);
            if (explicitBundles != null) System.setProperty(ShippedBundles.PROPERTY, explicitBundles);
        }
    }
}
