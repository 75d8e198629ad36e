package dev.snapotter.installers;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Linux packages `mvn package` built, inspected without Docker: contents, dependencies, launchers. */
class LinuxPackagesIT {

    private static final Duration T = Duration.ofMinutes(2);

    @Test
    void debDependsOnGtkButNotOnLibvipsAndHoldsOnlyRuntimeJars() throws IOException {
        assumeTrue(Cmd.run(T, List.of("dpkg-deb", "--version")).exit() == 0, "SKIPPED: not a Debian system (no dpkg-deb): no .deb is built here");
        Path deb = Outputs.deb().orElseThrow(() -> new AssertionError("no .deb in " + Outputs.out()));
        String depends = Cmd.run(T, List.of("dpkg-deb", "-f", deb.toString(), "Depends")).orFail("dpkg-deb -f").output();
        assertThat(depends).contains("libgtk-3-0").doesNotContain("libvips");
        assertThat(Cmd.run(T, List.of("dpkg-deb", "-f", deb.toString(), "Package")).output().strip()).isEqualTo("snapotter");
        String files = Cmd.run(T, List.of("dpkg-deb", "-c", deb.toString())).orFail("dpkg-deb -c").output();
        assertThat(files).contains("./opt/snapotter/bin/SnapOtter", "./opt/snapotter/bin/snapotter",
                "./opt/snapotter/lib/app/snapotter-desktop-", "./opt/snapotter/lib/app/snapotter-cli-",
                "./opt/snapotter/lib/app/docker-java-core-", "./opt/snapotter/lib/runtime/lib/modules", "./opt/snapotter/lib/runtime/release", "./opt/snapotter/lib/LICENSE");
        // Every file readable by every user (the app runs as whoever starts it).
        assertThat(files.lines().filter(l -> l.charAt(7) != 'r').toList()).as("entries not world-readable").isEmpty();
        // Other platforms' natives are trimmed from ONNX Runtime (54 MB as published; ~11 MB with Linux x64 only).
        files.lines().filter(l -> l.contains("/lib/app/onnxruntime-")).forEach(l ->
                assertThat(Long.parseLong(l.trim().split("\\s+")[2])).as("trimmed %s", l).isLessThan(20_000_000L));
        // Test and build-only jars never ship.
        assertThat(files).doesNotContain("junit-", "assertj-", "testfx-", "mockito-", "archunit-", "snapotter-server-", "javalin-");
    }

    @Test
    void portableTarballHoldsBothLaunchersAndTheCliRunsFromIt() {
        Path tarball = Outputs.tarball();
        assertThat(tarball).isRegularFile();
        String files = Cmd.run(T, List.of("tar", "-tzf", tarball.toString())).orFail("tar -t").output();
        assertThat(files).contains("SnapOtter/bin/SnapOtter", "SnapOtter/bin/snapotter", "SnapOtter/lib/runtime/release");
        // The same app-image the tarball was made from: its CLI launcher runs on this machine (no JDK needed).
        Path cli = Outputs.buildDir().resolve("jpackage/app-image/SnapOtter/bin/snapotter");
        assertThat(Cmd.run(T, List.of(cli.toString(), "--version")).orFail("snapotter --version").output()).contains(Outputs.version());
    }
}
