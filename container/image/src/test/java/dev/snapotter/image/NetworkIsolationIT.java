package dev.snapotter.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.image.support.Container;
import dev.snapotter.image.support.ExecResult;
import dev.snapotter.image.support.Pngs;
import dev.snapotter.image.support.ServerClient;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "Never sends a pixel anywhere": the server runs on an internal Docker network (no route out of the
 * host), a full tool run succeeds there, and the JVM holds no socket to anything but loopback.
 */
class NetworkIsolationIT extends ConformanceBase {

    /** /proc/net remote addresses that are not "outbound": unconnected, or loopback (v4, v6, v4-mapped). */
    private static final Set<String> LOCAL_REMOTES = Set.of("00000000", "0100007F", "00000000000000000000000000000000",
            "00000000000000000000000001000000", "0000000000000000FFFF00000100007F", "0000000000000000FFFF000000000000");

    @Test
    void aFullToolRunSucceedsWithNoRouteOutAndOpensNoOutboundSocket() {
        String net = res.network(true);
        Container c = startHealthy(hardened().network(net));

        // The network really has no way out: Docker drops everything from an internal network to the outside.
        assertThat(dev.snapotter.image.support.Docker.inspect(net).path("Internal").asBoolean()).isTrue();
        assertThat(c.inspect().path("NetworkSettings").path("Networks").has(net)).isTrue();
        assertThat(c.inspect().path("NetworkSettings").path("Networks").size()).isEqualTo(1);

        ServerClient client = new ServerClient(c);
        String token = client.adminSession(COMPOSE_PASSWORD, "Isolated-Passw0rd-" + System.nanoTime());
        byte[] result = client.runTool(token, "resize", "photo.png", Pngs.sample(256, 128), "{\"width\":64}");
        BufferedImage img = Pngs.read(result);
        assertThat(img.getWidth()).isEqualTo(64);
        assertThat(img.getHeight()).isEqualTo(32);

        int pid = c.javaProcess().pid();
        List<String> outbound = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            ExecResult r = c.exec("cat", "/proc/" + pid + "/net/" + table);
            assertThat(r.ok()).as(r.describe()).isTrue();
            r.stdout().lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
                String remote = l.split("\\s+")[2];
                String ip = remote.substring(0, remote.indexOf(':'));
                if (!LOCAL_REMOTES.contains(ip)) outbound.add(table + ": " + l);
            });
        }
        assertThat(outbound).as("sockets to non-loopback addresses").isEmpty();
        assertThat(c.logs()).doesNotContain("UnknownHostException").doesNotContain("ConnectException");
    }
}
