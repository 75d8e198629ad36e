package dev.snapotter.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.image.support.Container;
import dev.snapotter.image.support.HostInfo;
import dev.snapotter.image.support.ProcessInfo;
import dev.snapotter.image.support.ServerClient;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default docker-compose.yml, run for real: the root entrypoint path with the seed's hardening. */
class HardenedComposeIT extends ConformanceBase {

    /** CHOWN(0) DAC_OVERRIDE(1) FOWNER(3) SETGID(6) SETUID(7): the bounding set the five cap_add leave. */
    private static final String FIVE_CAPS_MASK = "00000000000000cb";
    private static final String NO_CAPS = "0000000000000000";

    private static Container seedTimings;

    @BeforeAll
    static void startWithTheSeedsTimings() {
        // Exactly the compose file (30 s health interval), so inspect shows the seed's values.
        seedTimings = new Container(hardened().start(image.tag()));
        Duration took = seedTimings.awaitResponding(HEALTHY_WITHIN);
        LOG.info("hardened compose container answering after {} ms", took.toMillis());
    }

    @Test
    void everyProcessRunsAs999WithNoEffectiveCapabilities() {
        List<ProcessInfo> procs = seedTimings.serverTree();
        assertThat(procs).as("processes").isNotEmpty();
        for (ProcessInfo p : procs) {
            assertThat(p.runsAs(999, 999)).as("uid/gid of %s", p).isTrue();
            assertThat(p.capEff()).as("CapEff of %s", p).isEqualTo(NO_CAPS);
            assertThat(p.capBnd()).as("CapBnd of %s", p).isEqualTo(FIVE_CAPS_MASK);
        }
        ProcessInfo pid1 = procs.stream().filter(p -> p.pid() == 1).findFirst().orElseThrow();
        assertThat(pid1.cmdline()).as("PID 1 is tini, after the drop").startsWith("/usr/bin/tini -- ");
        assertThat(seedTimings.javaProcess().ppid()).as("the JVM is tini's child").isEqualTo(1);
    }

    @Test
    void inspectShowsTheSeedsHardening() {
        JsonNode hc = seedTimings.inspect().path("HostConfig");
        assertThat(texts(hc.path("CapDrop"))).containsExactly("ALL");
        // Docker 20.10 reports them as CAP_CHOWN …; compose and the CLI accept both spellings.
        assertThat(Set.copyOf(texts(hc.path("CapAdd")).stream().map(c -> c.replaceFirst("^CAP_", "")).toList()))
                .isEqualTo(Set.of("CHOWN", "SETUID", "SETGID", "DAC_OVERRIDE", "FOWNER"));
        assertThat(texts(hc.path("CapAdd"))).hasSize(5);
        assertThat(hc.path("Memory").asLong()).isEqualTo(6L << 30);
        assertThat(hc.path("MemorySwap").asLong()).as("memory = swap: no swap").isEqualTo(hc.path("Memory").asLong());
        assertThat(hc.path("NanoCpus").asLong()).as("cpus: 4 clamped to the host").isEqualTo(Math.min(4, HostInfo.cpus()) * 1_000_000_000L);
        assertThat(hc.path("PidsLimit").asLong()).isEqualTo(512);
        assertThat(hc.path("ShmSize").asLong()).isEqualTo(2L << 30);
        assertThat(hc.path("LogConfig").path("Type").asText()).isEqualTo("json-file");
        assertThat(hc.path("LogConfig").path("Config").path("max-size").asText()).isEqualTo("50m");
        assertThat(hc.path("LogConfig").path("Config").path("max-file").asText()).isEqualTo("5");
        assertThat(hc.path("RestartPolicy").path("Name").asText()).isEqualTo("unless-stopped");
        assertThat(hc.path("ReadonlyRootfs").asBoolean()).isFalse();
        JsonNode bindings = hc.path("PortBindings");
        assertThat(iterable(bindings.fieldNames())).containsExactly("1349/tcp");
        for (JsonNode b : bindings.path("1349/tcp")) assertThat(b.path("HostIp").asText()).as("port bound to loopback only").isEqualTo("127.0.0.1");
        JsonNode health = seedTimings.inspect().path("Config").path("Healthcheck");
        assertThat(String.join(" ", texts(health.path("Test")))).contains("curl -sf --max-time 5 http://localhost:1349/api/v1/health");
        assertThat(health.path("Interval").asLong()).isEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(health.path("Timeout").asLong()).isEqualTo(Duration.ofSeconds(5).toNanos());
        assertThat(health.path("StartPeriod").asLong()).isEqualTo(Duration.ofSeconds(60).toNanos());
        assertThat(health.path("Retries").asInt()).isEqualTo(3);
    }

    @Test
    void thePublishedPortAnswersOnLoopbackAndNowhereElse() throws Exception {
        int port = seedTimings.hostPort(1349);
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("healthy");
        Optional<InetAddress> external = nonLoopbackAddress();
        if (external.isEmpty()) {
            LOG.info("no non-loopback IPv4 address on this host; loopback-only binding checked through inspect only");
            return;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(external.get(), port), 2000);
            throw new AssertionError("port " + port + " is reachable on " + external.get() + ", not only on 127.0.0.1");
        } catch (IOException expected) {
            LOG.info("port {} refused on {} as expected ({})", port, external.get().getHostAddress(), expected.getMessage());
        }
    }

    @Test
    void becomesHealthyWithinTheStartPeriod() {
        // The seed's timings except a 1 s interval: Docker 20.10 probes only every interval, even while starting.
        Container c = new Container(hardened().healthInterval("1s").start(image.tag()));
        Duration took = c.awaitHealthy(Duration.ofSeconds(60));
        LOG.info("MEASURED time to healthy: {} ms (start period 60 s)", took.toMillis());
        assertThat(took).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void sigtermReachesTheJvmOnTheRootPath() {
        Container c = startHealthy(hardened());
        Duration took = c.stop(30);
        int exit = c.inspect().path("State").path("ExitCode").asInt();
        LOG.info("docker stop took {} ms, exit code {}", took.toMillis(), exit);
        assertThat(took).as("stopped by SIGTERM, not by the 30 s SIGKILL fallback").isLessThan(Duration.ofSeconds(15));
        assertThat(exit).as("JVM exit after SIGTERM (0 or 128+15), never 137 (killed)").isIn(0, 143);
    }

    @Test
    void rootCanaryStaysSilentWhenTheEntrypointDropsPrivileges() {
        assertThat(seedTimings.logs()).doesNotContain("Running as root");
    }

    @Test
    void dataSurvivesContainerRemovalAndRecreation() {
        String data = res.volume("persist-data");
        String workspace = res.volume("persist-ws");
        Container first = startHealthy(hardened().volume("SnapOtter-data", data).volume("SnapOtter-workspace", workspace));
        String newPassword = "Persisted-Passw0rd-" + System.nanoTime();
        new ServerClient(first).adminSession(COMPOSE_PASSWORD, newPassword);
        first.stop(30);
        first.remove();

        // A new container on the same volumes, with a different DEFAULT_PASSWORD: if the database had
        // been re-created, only that one would work.
        Container second = startHealthy(hardened().volume("SnapOtter-data", data).volume("SnapOtter-workspace", workspace)
                .env("DEFAULT_PASSWORD", "Another-Initial-Passw0rd"));
        assertThat(new ServerClient(second).login("admin", newPassword)).isNotBlank();
        assertThat(second.logs()).as("nothing to re-own on an already migrated volume").doesNotContain("took ownership");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        return StreamSupport.stream(((Iterable<String>) () -> it).spliterator(), false).toList();
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nif : NetworkInterface.networkInterfaces().toList()) {
            if (!nif.isUp() || nif.isLoopback() || nif.getName().startsWith("docker") || nif.getName().startsWith("br-")
                    || nif.getName().startsWith("veth")) continue;
            for (InetAddress a : nif.inetAddresses().toList()) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
