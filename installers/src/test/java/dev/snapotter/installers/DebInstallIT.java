package dev.snapotter.installers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Installs the .deb into a fresh Debian root built from the same registry-free recipe as the image base
 * (installers/linux/test-root), in a container with no network: through the air-gapped kit's install.sh when the
 * kit was built (checks SHA256SUMS, dpkg -i, places the image archive), else with dpkg -i. Then the installed
 * `snapotter` runs a pipeline on a sample, and the installed GUI starts under Xvfb (screenshot for the docs).
 * One long-lived container for all steps, removed at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebInstallIT {

    private static final Duration STEP = Duration.ofSeconds(120);
    private static String container;
    private static boolean viaKit;

    @TempDir
    static Path shared;

    @BeforeAll
    static void installIntoFreshRoot() throws IOException {
        assumeTrue(Cmd.dockerAvailable(), "SKIPPED: no Docker daemon reachable; the .deb install test needs one (CI runs it)");
        Path deb = Outputs.deb().orElseThrow(() -> new AssertionError("no .deb in " + Outputs.out() + " (installers/linux/build-linux.sh)"));
        String root = Cmd.run(Duration.ofMinutes(8), List.of("bash", Outputs.repo().resolve("installers/linux/test-root/build-test-root.sh").toString(),
                deb.toString(), Outputs.buildDir().resolve("test-root").toString())).orFail("building the test root").output().strip();
        String tag = root.lines().reduce((a, b) -> b).orElseThrow();

        Path pkg = Files.createDirectories(shared.resolve("pkg"));
        Path kit = Outputs.kit();
        viaKit = Files.isRegularFile(kit);
        if (Outputs.ci()) assertThat(viaKit).as("CI builds the kit; install.sh must be tested").isTrue();
        if (viaKit) {
            Cmd.run(STEP, List.of("tar", "-xf", kit.toString(), "-C", pkg.toString())).orFail("extracting the kit");
        } else {
            Files.copy(deb, pkg.resolve(deb.getFileName()));
        }
        Files.createDirectories(shared.resolve("out"));
        Files.createDirectories(shared.resolve("fb"));
        Files.setPosixFilePermissions(shared.resolve("fb"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        container = "snapotter-install-test-" + UUID.randomUUID().toString().substring(0, 8);
        Cmd.run(STEP, List.of("docker", "run", "-d", "--name", container, "--network", "none",
                "--label", "dev.snapotter.managed=true", "--label", "dev.snapotter.test=true",
                "-v", pkg + ":/pkg:ro", "-v", Outputs.repo().resolve("assets/samples") + ":/samples:ro",
                "-v", shared.resolve("out") + ":/out", "-v", shared.resolve("fb") + ":/fb",
                "--entrypoint", "sleep", tag, "600")).orFail("starting the test container");
    }

    @AfterAll
    static void removeContainer() {
        if (container != null) Cmd.run(Duration.ofSeconds(30), List.of("docker", "rm", "-f", container));
    }

    private static Cmd.Result exec(String script) {
        return Cmd.run(STEP, List.of("docker", "exec", container, "bash", "-euc", script));
    }

    @Test
    @Order(1)
    void installsWithNoNetworkAndPutsTheLaunchersInPlace() {
        String install = viaKit
                ? "cd /pkg/snapotter-airgap-*/ && ./install.sh"
                : "dpkg -i /pkg/snapotter_*.deb";
        Cmd.Result r = exec(install + " && dpkg-query -W -f '${Status} ${Version}' snapotter");
        r.orFail("installing the .deb" + (viaKit ? " through the kit's install.sh" : ""));
        assertThat(r.output()).contains("install ok installed");
        assertThat(exec("test -x /opt/snapotter/bin/SnapOtter && test -x /opt/snapotter/bin/snapotter && readlink /usr/bin/snapotter")
                .orFail("launchers").output()).contains("/opt/snapotter/bin/snapotter");
        // The GUI has a menu entry; the CLI's entry is hidden (our postinst), and installing worked with no menu system.
        exec("test -f /usr/share/applications/snapotter-SnapOtter.desktop && grep -q '^NoDisplay=true' /opt/snapotter/lib/snapotter-snapotter.desktop")
                .orFail("menu entries");
        if (viaKit) {
            // Where the desktop's BundledImage looks next to the installed app (KitLayoutTest checks the Java side).
            exec("test -s /opt/snapotter/lib/app/snapotter-image-" + Outputs.version() + ".tar && test -d /opt/snapotter/lib/app/bundles")
                    .orFail("the kit's image archive and bundles in /opt/snapotter/lib/app");
            if (Outputs.ci()) {
                exec("ls /opt/snapotter/lib/app/bundles/background-removal-*.snapotter-bundle.tar.gz").orFail("the kit's AI bundle next to the app");
            }
        }
    }

    @Test
    @Order(2)
    void installedCliPrintsItsVersionAndRunsAPipeline() throws IOException {
        assertThat(exec("snapotter --version").orFail("snapotter --version").output()).contains(Outputs.version());
        exec("cp /samples/landscape.jpg /samples/shapes-alpha.png /tmp/ && snapotter run --pipeline /samples/pipelines/web-ready.json --out /out /tmp/landscape.jpg /tmp/shapes-alpha.png && ls -l /out")
                .orFail("snapotter run (web-ready pipeline)");
        List<Path> outputs = new ArrayList<>();
        try (var files = Files.list(shared.resolve("out"))) {
            files.forEach(outputs::add);
        }
        assertThat(outputs).hasSize(2);
        for (Path p : outputs) {
            // web-ready: fit inside 1600 px, sharpen, compress; same formats, readable images.
            BufferedImage img = ImageIO.read(p.toFile());
            assertThat(img).as("readable output %s", p).isNotNull();
            assertThat(Math.max(img.getWidth(), img.getHeight())).isLessThanOrEqualTo(1600);
        }
    }

    @Test
    @Order(3)
    void installedGuiStartsUnderXvfb() throws Exception {
        exec("(Xvfb :99 -screen 0 1280x800x24 -fbdir /fb -nolisten tcp >/tmp/xvfb.log 2>&1 &) ; for i in $(seq 50); do [ -e /tmp/.X11-unix/X99 ] && break; sleep 0.1; done; test -e /tmp/.X11-unix/X99")
                .orFail("starting Xvfb");
        exec("DISPLAY=:99 HOME=/root nohup /opt/snapotter/bin/SnapOtter >/tmp/gui.log 2>&1 </dev/null & echo $! >/tmp/gui.pid").orFail("starting the GUI");
        Path fb = shared.resolve("fb").resolve("Xvfb_screen0");
        Path png = shared.resolve("installed-deb.png");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        double spread = 0;
        // The Xvfb screen starts black; the window has been drawn once the frame buffer has real content.
        while (System.nanoTime() < deadline) {
            if (Files.exists(fb) && Cmd.run(Duration.ofSeconds(20), List.of("convert", "xwd:" + fb, png.toString())).exit() == 0) {
                BufferedImage shot = ImageIO.read(png.toFile());
                spread = distinctColours(shot);
                if (spread > 50) break;
            }
            assertThat(exec("kill -0 $(cat /tmp/gui.pid)").exit())
                    .as("the GUI process is still alive; its log:\n%s", exec("cat /tmp/gui.log; cat /root/.config/snapotter/logs/*.log 2>/dev/null | tail -50").output())
                    .isZero();
            Thread.sleep(1000);
        }
        assertThat(spread).as("the installed GUI drew a window within 90 s; log:\n%s", exec("cat /tmp/gui.log").output()).isGreaterThan(50);
        // Not just any window (an error dialog would also draw): the app's own log says its main window was shown.
        String appLog = exec("cat /root/.config/snapotter/logs/snapotter.log 2>/dev/null || true").output();
        assertThat(appLog).as("the installed app logged its main window (app log:\n%s\nstdout:\n%s)", appLog, exec("cat /tmp/gui.log").output())
                .contains("metric cold-start-to-window-ms=");
        // A little longer so the first layout pass has finished, then the screenshot for docs/installing.md.
        Thread.sleep(2000);
        Cmd.run(Duration.ofSeconds(20), List.of("convert", "xwd:" + fb, png.toString())).orFail("capturing the screen");
        Path docs = Path.of(System.getProperty("snapotter.docs.images", "../docs/images"));
        Files.createDirectories(docs);
        Files.copy(png, docs.resolve("installed-deb.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Number of distinct colours on a coarse grid: 1 for an empty screen, hundreds for a drawn window. */
    private static double distinctColours(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 8) {
            for (int x = 0; x < img.getWidth(); x += 8) colours.add(img.getRGB(x, y));
        }
        return colours.size();
    }
}
