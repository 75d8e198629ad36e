package dev.snapotter.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.image.support.Container;
import dev.snapotter.image.support.ExecResult;
import dev.snapotter.image.support.ProcessInfo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The entrypoint's root steps and refusals, and the server's root canary. */
class EntrypointIT extends ConformanceBase {

    private static final int EX_CONFIG = 78;

    @Test
    void puidZeroIsRefusedWithAClearMessage() {
        Container c = new Container(hardened().restart("no").env("PUID", "0").start(image.tag()));
        assertThat(c.awaitExit(Duration.ofSeconds(30))).isEqualTo(EX_CONFIG);
        assertThat(c.logs()).contains("PUID=0 is refused: the server never runs as root");
    }

    @Test
    void pgidZeroIsRefusedToo() {
        Container c = new Container(hardened().restart("no").env("PGID", "000").start(image.tag()));
        assertThat(c.awaitExit(Duration.ofSeconds(30))).isEqualTo(EX_CONFIG);
        assertThat(c.logs()).contains("PGID=0 is refused");
    }

    @Test
    void puidAndPgidRemapTheServerUserAndTheVolumes() {
        Container c = startHealthy(hardened().env("PUID", "1234").env("PGID", "2345"));
        for (ProcessInfo p : c.serverTree()) assertThat(p.runsAs(1234, 2345)).as("%s", p).isTrue();
        ExecResult owners = c.exec("sh", "-c", "find /data /tmp/workspace ! -user 1234 -o ! -group 2345 | head -5");
        assertThat(owners.stdout()).as("entries not owned by 1234:2345").isBlank();
        assertThat(c.logs()).contains("snapotter now runs as uid 1234 gid 2345");
    }

    @Test
    void rootCanaryWarnsWhenTheServerIsForcedToRunAsRoot() {
        // Bypassing the entrypoint is the only way to run the server as root in this image.
        Container c = new Container(hardened().restart("no").healthInterval("1s").extra("--entrypoint", "/app/bin/snapotter-server")
                .start(image.tag()));
        c.awaitHealthy(HEALTHY_WITHIN);
        assertThat(c.javaProcess().runsAs(0, 0)).isTrue();
        assertThat(c.logs()).contains("Running as root (uid 0)").contains("WARN");
    }

    @Test
    void anUnwritableVolumeStopsTheStartWithAnActionableMessage() {
        // A volume left owned by root, and a container started with --user (so nothing may chown it).
        String vol = res.volume("root-owned");
        ExecResult prep = res.helper("--mount", "type=volume,src=" + vol + ",dst=/data", "--user", "0", "--entrypoint", "sh", image.tag(),
                "-c", "touch /data/from-an-old-install && chown -R 0:0 /data && chmod 0755 /data");
        // (not empty: Docker copies the image's /data ownership into an empty volume at every mount)
        assertThat(prep.ok()).as(prep.describe()).isTrue();
        Container c = new Container(hardened().restart("no").volume("SnapOtter-data", vol).extra("--user", "999:999").start(image.tag()));
        assertThat(c.awaitExit(Duration.ofSeconds(30))).isEqualTo(EX_CONFIG);
        assertThat(c.logs()).contains("FATAL: DATA_DIR=/data is not writable by uid 999 gid 999")
                .contains("chown").contains("fsGroup");
    }
}
