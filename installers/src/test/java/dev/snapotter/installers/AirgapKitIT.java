package dev.snapotter.installers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real kit `mvn package` built (needs the image archive, i.e. Docker): complete, and SHA256SUMS matches. */
class AirgapKitIT {

    @TempDir
    Path tmp;

    @Test
    void realKitIsCompleteAndItsChecksumsMatch() throws IOException {
        Path kit = Outputs.kit();
        assumeTrue(Files.isRegularFile(kit), "SKIPPED: no air-gapped kit at " + kit
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
        // The kit's image archive is the one container/image built.
        Path image = Outputs.repo().resolve("container/image/" + System.getProperty("snapotter.build.dir", "target")
                + "/snapotter-image-" + Outputs.version() + ".tar");
        if (Files.isRegularFile(image)) {
            assertThat(Files.size(dir.resolve(image.getFileName()))).isEqualTo(Files.size(image));
        }
    }
}
