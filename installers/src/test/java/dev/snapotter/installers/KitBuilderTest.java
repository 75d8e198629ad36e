package dev.snapotter.installers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * installers/kit/build-kit.sh and the kit's install.sh on small stand-in files (no Docker, a second or two):
 * the kit holds every part, SHA256SUMS covers every file and matches, a damaged file is caught before anything
 * is installed, and missing parts are a clear error (or a clear skip with --optional).
 */
class KitBuilderTest {

    private static final Duration T = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private Path script(String name) {
        return Outputs.repo().resolve("installers/kit").resolve(name);
    }

    private Cmd.Result buildKit(Path debDir, Path imageTar, Path bundles, boolean optional) {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", script("build-kit.sh").toString(), "--version", "9.8.7",
                "--deb-dir", debDir.toString(), "--image-tar", imageTar.toString(), "--bundles", bundles.toString(),
                "--out", tmp.resolve("out").toString()));
        if (optional) cmd.add("--optional");
        return Cmd.run(T, cmd);
    }

    private Path[] inputs() throws IOException {
        Path debDir = Files.createDirectories(tmp.resolve("deb"));
        Files.write(debDir.resolve("snapotter_9.8.7_amd64.deb"), new byte[] {1, 2, 3});
        Path image = Files.writeString(tmp.resolve("snapotter-image-9.8.7.tar"), "image layers");
        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        Files.writeString(bundles.resolve("background-removal.snapotter-bundle.tar.gz"), "signed bundle");
        Files.writeString(bundles.resolve("notes.txt"), "not a bundle file: left out");
        return new Path[] {debDir, image, bundles};
    }

    @Test
    void kitHoldsEveryPartAndItsChecksumsMatch() throws IOException {
        Path[] in = inputs();
        buildKit(in[0], in[1], in[2], false).orFail("build-kit.sh");
        Path kit = tmp.resolve("out/snapotter-airgap-9.8.7-linux-amd64.tar");
        assertThat(kit).isRegularFile();
        Path x = Files.createDirectories(tmp.resolve("x"));
        Cmd.run(T, List.of("tar", "-xf", kit.toString(), "-C", x.toString())).orFail("tar -x");
        Path dir = x.resolve("snapotter-airgap-9.8.7-linux-amd64");
        assertThat(dir.resolve("snapotter_9.8.7_amd64.deb")).isRegularFile();
        assertThat(dir.resolve("snapotter-image-9.8.7.tar")).hasContent("image layers");
        assertThat(dir.resolve("bundles/background-removal.snapotter-bundle.tar.gz")).isRegularFile();
        assertThat(dir.resolve("bundles/notes.txt")).doesNotExist();
        assertThat(dir.resolve("README.md")).content().contains("9.8.7").contains("1 AI bundle file(s)").doesNotContain("@VERSION@");

        // SHA256SUMS lists every other file, and each sum is right (checked in Java, not by the script that wrote it).
        List<String> sums = Files.readAllLines(dir.resolve("SHA256SUMS"));
        try (var files = Files.walk(dir)) {
            List<String> all = files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString())
                    .filter(n -> !n.equals("SHA256SUMS")).sorted().toList();
            assertThat(sums.stream().map(l -> l.substring(66)).sorted().toList()).isEqualTo(all);
        }
        for (String line : sums) {
            assertThat(Sha256s.of(dir.resolve(line.substring(66)))).as(line).isEqualTo(line.substring(0, 64));
        }
        assertThat(Files.readString(tmp.resolve("out/snapotter-airgap-9.8.7-linux-amd64.tar.sha256")))
                .startsWith(Sha256s.of(kit));
        assertThat(Cmd.run(T, dir, List.of("sh", "./install.sh", "--check")).orFail("install.sh --check").output())
                .contains("all files match");

        // One flipped byte in the image archive: install.sh refuses before it installs anything.
        Files.writeString(dir.resolve("snapotter-image-9.8.7.tar"), "image layerz");
        Cmd.Result damaged = Cmd.run(T, dir, List.of("sh", "./install.sh", "--check"));
        assertThat(damaged.exit()).isNotZero();
        assertThat(damaged.output()).contains("damaged").contains("nothing was installed");
    }

    @Test
    void missingImageIsAnErrorOrAClearSkip() throws IOException {
        Path[] in = inputs();
        buildKit(in[0], in[1], in[2], false).orFail("a first, complete kit");
        Path noImage = tmp.resolve("absent.tar");
        Cmd.Result strict = buildKit(in[0], noImage, in[2], false);
        assertThat(strict.exit()).isNotZero();
        assertThat(strict.output()).contains("no image archive").contains("absent.tar");
        Cmd.Result optional = buildKit(in[0], noImage, in[2], true);
        assertThat(optional.exit()).isZero();
        assertThat(optional.output()).contains("SKIPPED the air-gapped kit");
        // The earlier kit is gone too: nothing stale is left to be tested or shipped.
        assertThat(tmp.resolve("out/snapotter-airgap-9.8.7-linux-amd64.tar")).doesNotExist();
        assertThat(tmp.resolve("out/snapotter-airgap-9.8.7-linux-amd64.tar.sha256")).doesNotExist();
    }
}
