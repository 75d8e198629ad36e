package dev.snapotter.control.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.snapotter.control.docker.DockerClients;
import dev.snapotter.control.endpoint.DockerEndpoint;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The desktop's one container spec and the shipped hardened compose file describe the same container: every
 * hardening value is read from {@code container/image/deploy/docker-compose.yml} and compared with what the spec puts
 * into the create command, so the two cannot drift apart (the conformance suite runs the compose file for real).
 */
class SpecMatchesComposeTest {

    private static final DockerClient OFFLINE = DockerClients.create(DockerEndpoint.unixSocket("/nonexistent.sock"));
    private static Map<String, Object> service;
    private static CreateContainerCmd cmd;
    private static HostConfig host;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Path compose = Path.of("..", "image", "deploy", "docker-compose.yml");
        try (Reader r = Files.newBufferedReader(compose)) {
            Map<String, Object> doc = new Yaml().load(r);
            service = (Map<String, Object>) ((Map<String, Object>) doc.get("services")).get("SnapOtter");
        }
        // 64 engine CPUs: the compose's cpus value is not clamped here
        cmd = ContainerSpecMapper.apply(OFFLINE.createContainerCmd("x"), ContainerSpec.hardened("x").build(), 64);
        host = cmd.getHostConfig();
    }

    @AfterAll
    static void close() throws IOException {
        OFFLINE.close();
    }

    @Test
    void capabilitiesAreTheComposeOnes() {
        assertThat(host.getCapDrop()).extracting(Capability::name).containsExactlyElementsOf(strings("cap_drop"));
        assertThat(host.getCapAdd()).extracting(Capability::name).containsExactlyElementsOf(strings("cap_add"));
    }

    @Test
    void resourceLimitsAreTheComposeOnes() {
        assertThat(host.getMemory()).isEqualTo(bytes(service.get("mem_limit")));
        assertThat(host.getMemorySwap()).isEqualTo(bytes(service.get("memswap_limit")));
        assertThat(host.getNanoCPUs()).isEqualTo(Math.round(((Number) service.get("cpus")).doubleValue() * 1e9));
        assertThat(host.getPidsLimit()).isEqualTo(((Number) service.get("pids_limit")).longValue());
        assertThat(host.getShmSize()).isEqualTo(bytes(service.get("shm_size")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void logRotationIsTheComposeOne() {
        Map<String, Object> logging = (Map<String, Object>) service.get("logging");
        assertThat(host.getLogConfig().getType().getType()).isEqualTo(logging.get("driver"));
        assertThat(host.getLogConfig().getConfig()).isEqualTo(logging.get("options"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthcheckIsTheComposeOne() {
        Map<String, Object> hc = (Map<String, Object>) service.get("healthcheck");
        HealthCheck health = cmd.getHealthcheck();
        assertThat(health.getTest()).isEqualTo(hc.get("test"));
        assertThat(health.getInterval()).isEqualTo(duration(hc.get("interval")).toNanos());
        assertThat(health.getTimeout()).isEqualTo(duration(hc.get("timeout")).toNanos());
        assertThat(health.getStartPeriod()).isEqualTo(duration(hc.get("start_period")).toNanos());
        assertThat(health.getRetries()).isEqualTo(((Number) hc.get("retries")).intValue());
    }

    @Test
    void portBindingVolumesEnvAndRestartAreTheComposeOnes() {
        String[] port = strings("ports").getFirst().split(":"); // 127.0.0.1:1349:1349
        Ports.Binding binding = host.getPortBindings().getBindings().get(ExposedPort.tcp(Integer.parseInt(port[2])))[0];
        assertThat(binding.getHostIp()).isEqualTo(port[0]).isEqualTo("127.0.0.1");
        assertThat(binding.getHostPortSpec()).isEqualTo(port[1]);
        assertThat(host.getMounts()).extracting(m -> m.getTarget())
                .containsExactlyElementsOf(strings("volumes").stream().map(v -> v.substring(v.indexOf(':') + 1)).toList());
        // the compose file's DEFAULT_PASSWORD is a placeholder for people; the desktop lets the server generate one
        assertThat(cmd.getEnv()).containsExactlyElementsOf(strings("environment").stream().filter(e -> !e.startsWith("DEFAULT_PASSWORD=")).toList());
        assertThat(host.getRestartPolicy().getName()).isEqualTo(service.get("restart"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String key) {
        return ((List<Object>) service.get(key)).stream().map(String::valueOf).toList();
    }

    /** Compose sizes: 6g, 2gb, 512m. */
    private static long bytes(Object value) {
        String v = String.valueOf(value).toLowerCase(java.util.Locale.ROOT).replaceAll("b$", "");
        long unit = switch (v.charAt(v.length() - 1)) {
            case 'g' -> 1L << 30;
            case 'm' -> 1L << 20;
            case 'k' -> 1L << 10;
            default -> 1;
        };
        return Long.parseLong(unit == 1 ? v : v.substring(0, v.length() - 1)) * unit;
    }

    /** Compose durations: 30s, 5s, 1m. */
    private static Duration duration(Object value) {
        String v = String.valueOf(value);
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("unknown duration " + v);
        };
    }
}
