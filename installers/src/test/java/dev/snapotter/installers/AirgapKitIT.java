package dev.snapotter.installers;

import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.catalogue.AllowedOrigins;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.install.BundleInstaller;
import dev.snapotter.bundles.install.InstallerOptions;
import dev.snapotter.bundles.install.ProgressListener;
import dev.snapotter.desktop.ai.ShippedBundle;
import dev.snapotter.desktop.ai.ShippedBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real kit `mvn package` built (needs the image archive, i.e. Docker): complete, and SHA256SUMS matches. */
class AirgapKitIT {

    @TempDir
    Path tmp;

    @Test
    void realKitIsCompleteAndItsChecksumsMatch() throws IOException {
        Path kit = Outputs.kit();
        Outputs.require(Files.isRegularFile(kit), "no air-gapped kit at " + kit
                + " (it needs the image archive from container/image, i.e. a Docker daemon)");
        Cmd.run(Duration.ofMinutes(2), List.of("tar", "-xf", kit.toString(), "-C", tmp.toString())).orFail("tar -x");
        Path dir = tmp.resolve("snapotter-airgap-" + Outputs.version() + "-linux-amd64");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .contains("SHA256SUMS", "README.md", "install.sh", "bundles", "sbom", "snapotter-image-" + Outputs.version() + ".tar")
                    .anyMatch(n -> n.startsWith("snapotter_") && n.endsWith(".deb"));
        }
        List<String> sums = Files.readAllLines(dir.resolve("SHA256SUMS"));
        assertThat(sums).anyMatch(l -> l.endsWith(".deb")).anyMatch(l -> l.endsWith(".tar")).anyMatch(l -> l.contains("sbom/"));
        for (String line : sums) {
            assertThat(Sha256s.of(dir.resolve(line.substring(66)))).as(line).isEqualTo(line.substring(0, 64));
        }
        try (var all = Files.walk(dir)) {
            List<String> files = all.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).filter(n -> !n.equals("SHA256SUMS")).toList();
            assertThat(sums.stream().map(l -> l.substring(66)).toList()).as("every file of the kit is in SHA256SUMS")
                    .containsExactlyInAnyOrderElementsOf(files);
        }
        // The kit's image archive is the one container/image built.
        Path image = Outputs.repo().resolve("container/image/" + System.getProperty("snapotter.build.dir", "target")
                + "/snapotter-image-" + Outputs.version() + ".tar");
        if (Files.isRegularFile(image)) {
            assertThat(Files.size(dir.resolve(image.getFileName()))).isEqualTo(Files.size(image));
        }
    }

    /** The kit's AI bundle is found where install.sh puts it and installs with the app's own trust, offline. */
    @Test
    void kitsAiBundleIsSignedAndInstallsWithNoNetwork() throws Exception {
        Path kit = Outputs.kit();
        Outputs.require(Files.isRegularFile(kit), "no air-gapped kit at " + kit);
        Cmd.run(Duration.ofMinutes(2), List.of("tar", "-xf", kit.toString(), "-C", tmp.toString())).orFail("tar -x");
        Path bundles = tmp.resolve("snapotter-airgap-" + Outputs.version() + "-linux-amd64").resolve("bundles");
        List<ShippedBundle> shipped = ShippedBundles.in(bundles).list();
        Outputs.require(!shipped.isEmpty(), "the kit holds no AI bundle (the ISNet model was not fetched: ai/scripts/fetch-model.sh)");
        assertThat(shipped).extracting(ShippedBundle::id).contains("background-removal");

        // Nothing but the file: the catalogue has no allowed origin, so any download attempt would be refused.
        try (BundleInstaller installer = BundleInstaller.open(InstallerOptions.defaults(tmp.resolve("app-data/ai"), "0.1.0")
                .withCatalogue(new Catalogue(1, new AllowedOrigins(List.of()), List.of())))) {
            for (ShippedBundle b : shipped) {
                BundleManifest m = installer.installFile(b.file(), false, ProgressListener.NONE).result().get(5, TimeUnit.MINUTES);
                assertThat(m.id()).isEqualTo(b.id());
            }
            assertThat(installer.installed()).filteredOn(i -> i.manifest().id().equals("background-removal")).singleElement()
                    .satisfies(i -> assertThat(i.signed()).as("signed with a key the app trusts").isTrue());
        }
    }
}
