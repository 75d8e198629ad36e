package dev.snapotter.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.image.support.Container;
import dev.snapotter.image.support.ExecResult;
import dev.snapotter.image.support.Pngs;
import dev.snapotter.image.support.ProcessInfo;
import dev.snapotter.image.support.ServerClient;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.readonly.yml, run for real: uid 999 from the start, read-only root, noexec /tmp, no-new-privileges. */
class ReadOnlyVariantIT extends ConformanceBase {

    private static Container c;

    @BeforeAll
    static void start() {
        c = startHealthy(readOnly());
    }

    @Test
    void writingToTheRootFilesystemFailsEvenForRoot() {
        ExecResult asRoot = c.execAs("0", "touch", "/should-not-exist");
        assertThat(asRoot.ok()).as(asRoot.describe()).isFalse();
        assertThat(asRoot.stderr()).contains("Read-only file system");
        ExecResult intoApp = c.exec("sh", "-c", "echo x > /app/bin/entrypoint.sh");
        assertThat(intoApp.ok()).as(intoApp.describe()).isFalse();
    }

    @Test
    void aFileWrittenToTmpCannotBeExecuted() {
        ExecResult r = c.exec("sh", "-c", "cp /usr/bin/true /tmp/probe-exec && chmod 0755 /tmp/probe-exec && /tmp/probe-exec");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(126);
        assertThat(r.stderr()).contains("Permission denied");
        String mounts = c.exec("cat", "/proc/mounts").stdout();
        String tmp = mounts.lines().filter(l -> l.split(" ")[1].equals("/tmp")).findFirst().orElseThrow();
        assertThat(tmp).startsWith("tmpfs /tmp tmpfs ").contains("nosuid").contains("nodev").contains("noexec");
    }

    @Test
    void theServerRunsAs999WithNoNewPrivilegesAndNoCapabilities() {
        for (ProcessInfo p : c.serverTree()) {
            assertThat(p.runsAs(999, 999)).as("%s", p).isTrue();
            assertThat(p.noNewPrivs()).as("NoNewPrivs of %s", p).isEqualTo("1");
            assertThat(p.capEff()).as("CapEff of %s", p).isEqualTo("0000000000000000");
            assertThat(p.capBnd()).as("CapBnd of %s", p).isEqualTo("0000000000000000");
        }
        assertThat(c.inspect().path("HostConfig").path("ReadonlyRootfs").asBoolean()).isTrue();
        assertThat(c.inspect().path("HostConfig").path("SecurityOpt").toString()).contains("no-new-privileges");
    }

    @Test
    void theServerWorksIncludingNativeSqliteAndFontsWithTmpNoexec() {
        // SQLite's native library is loaded from /app/native (not extracted to /tmp), the text watermark
        // needs fonts and a writable HOME/tmpdir: all on a read-only root with a noexec /tmp.
        ServerClient client = new ServerClient(c);
        String token = client.adminSession(COMPOSE_PASSWORD, "Read-Only-Passw0rd-" + System.nanoTime());
        byte[] out = client.runTool(token, "watermark-text", "in.png", Pngs.sample(320, 200),
                "{\"text\":\"SnapOtter\",\"fontSize\":40,\"color\":\"#ff0000\",\"opacity\":100}");
        BufferedImage img = Pngs.read(out);
        assertThat(img.getWidth()).isEqualTo(320);
        assertThat(countReddish(img)).as("watermark pixels drawn").isGreaterThan(50);
        assertThat(c.logs()).doesNotContain("Running as root");
    }

    @Test
    void sigtermReachesTheJvmOnTheNonRootPath() {
        Container other = startHealthy(readOnly().env("PUID", "1234"));
        assertThat(other.logs()).as("non-root start ignores PUID and says so").contains("PUID/PGID are ignored");
        Duration took = other.stop(30);
        int exit = other.inspect().path("State").path("ExitCode").asInt();
        LOG.info("docker stop (non-root path) took {} ms, exit code {}", took.toMillis(), exit);
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(exit).isIn(0, 143);
    }

    private static int countReddish(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 180 && g < 100 && b < 100) n++;
            }
        }
        return n;
    }
}
