package dev.snapotter.control.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.snapotter.control.docker.DockerClients;
import dev.snapotter.control.endpoint.DockerEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every field of the seed's hardened compose, as it lands in the create command (no daemon needed). */
class ContainerSpecMapperTest {

    // Commands are only built here, never executed: the client never connects.
    private static final DockerClient OFFLINE = DockerClients.create(DockerEndpoint.unixSocket("/nonexistent.sock"));

    @AfterAll
    static void close() throws IOException {
        OFFLINE.close();
    }

    private static CreateContainerCmd map(ContainerSpec spec, int engineCpus) {
        return ContainerSpecMapper.apply(OFFLINE.createContainerCmd(spec.image()), spec, engineCpus);
    }

    @Test
    void seedSpecMapsEveryField() {
        CreateContainerCmd cmd = map(ContainerSpec.hardened("snapotter/snapotter:1.0.0").build(), 8);
        HostConfig host = cmd.getHostConfig();

        assertThat(cmd.getImage()).isEqualTo("snapotter/snapotter:1.0.0");
        assertThat(cmd.getName()).isEqualTo("snapotter");
        assertThat(cmd.getLabels()).containsExactlyInAnyOrderEntriesOf(
                Map.of("dev.snapotter.managed", "true", "dev.snapotter.spec-version", ContainerSpec.VERSION));
        assertThat(cmd.getEnv()).containsExactly("AUTH_ENABLED=true", "RATE_LIMIT_PER_MIN=100");
        assertThat(cmd.getExposedPorts()).containsExactly(ExposedPort.tcp(1349));

        assertThat(host.getMounts()).extracting(Mount::getType, Mount::getSource, Mount::getTarget).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MountType.VOLUME, "snapotter-data", "/data"),
                org.assertj.core.groups.Tuple.tuple(MountType.VOLUME, "snapotter-workspace", "/tmp/workspace"));
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getCapAdd()).containsExactly(Capability.CHOWN, Capability.SETUID, Capability.SETGID,
                Capability.DAC_OVERRIDE, Capability.FOWNER);
        assertThat(host.getMemory()).isEqualTo(6L << 30);
        assertThat(host.getMemorySwap()).isEqualTo(6L << 30);
        assertThat(host.getNanoCPUs()).isEqualTo(4_000_000_000L);
        assertThat(host.getPidsLimit()).isEqualTo(512L);
        assertThat(host.getShmSize()).isEqualTo(2L << 30);
        assertThat(host.getLogConfig().getType()).isEqualTo(LogConfig.LoggingType.JSON_FILE);
        assertThat(host.getLogConfig().getConfig()).containsExactlyInAnyOrderEntriesOf(
                Map.of("max-size", "50m", "max-file", "5"));
        assertThat(host.getRestartPolicy()).isEqualTo(RestartPolicy.unlessStoppedRestart());
        assertThat(host.getReadonlyRootfs()).isNull();      // the seed explains why not (PUID remap)
        assertThat(host.getSecurityOpts()).isNull();        // no-new-privileges would break gosu (seed)

        Ports.Binding[] bindings = host.getPortBindings().getBindings().get(ExposedPort.tcp(1349));
        assertThat(bindings).hasSize(1);
        assertThat(bindings[0].getHostIp()).isEqualTo("127.0.0.1");
        assertThat(bindings[0].getHostPortSpec()).isEqualTo("1349");

        HealthCheck health = cmd.getHealthcheck();
        assertThat(health.getTest()).containsExactly("CMD", "curl", "-sf", "--max-time", "5",
                "http://localhost:1349/api/v1/health");
        assertThat(health.getInterval()).isEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(health.getTimeout()).isEqualTo(Duration.ofSeconds(5).toNanos());
        assertThat(health.getStartPeriod()).isEqualTo(Duration.ofSeconds(60).toNanos());
        assertThat(health.getRetries()).isEqualTo(3);
    }

    @Test
    void cpusAreClampedToTheEngine() {
        assertThat(map(ContainerSpec.hardened("i").build(), 2).getHostConfig().getNanoCPUs())
                .isEqualTo(2_000_000_000L);
        assertThat(map(ContainerSpec.hardened("i").cpus(1.5).build(), 2).getHostConfig().getNanoCPUs())
                .isEqualTo(1_500_000_000L);
        assertThat(ContainerSpecMapper.nanoCpus(4, 0)).isEqualTo(4_000_000_000L); // unknown count: as asked
    }

    @Test
    void settingsChangeOnlyWhatTheyName() {
        ContainerSpec spec = ContainerSpec.hardened("img:2").name("snapotter-dev").hostPort(18080)
                .memoryBytes(2L << 30).authEnabled(false).dataVolume("my-data").workspaceVolume("my-ws")
                .label("dev.snapotter.test", "true")
                .healthTimings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), 4).build();
        CreateContainerCmd cmd = map(spec, 8);
        assertThat(cmd.getName()).isEqualTo("snapotter-dev");
        assertThat(cmd.getEnv()).contains("AUTH_ENABLED=false");
        assertThat(cmd.getLabels()).containsEntry("dev.snapotter.test", "true").containsEntry("dev.snapotter.managed", "true");
        assertThat(cmd.getHostConfig().getMemory()).isEqualTo(2L << 30);
        assertThat(cmd.getHostConfig().getMemorySwap()).isEqualTo(2L << 30);
        assertThat(cmd.getHostConfig().getMounts()).extracting(Mount::getSource).containsExactly("my-data", "my-ws");
        assertThat(cmd.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(1349))[0].getHostPortSpec())
                .isEqualTo("18080");
        assertThat(cmd.getHealthcheck().getInterval()).isEqualTo(1_000_000_000L);
        assertThat(cmd.getHealthcheck().getRetries()).isEqualTo(4);
        assertThat(cmd.getHostConfig().getCapDrop()).containsExactly(Capability.ALL);
    }

    @Test
    void recreateFromTheSpecKeepsEverythingButTheImage() {
        ContainerSpec before = ContainerSpec.hardened("img:1").hostPort(40000).dataVolume("d").build();
        ContainerSpec after = before.withImage("img:2");
        assertThat(after).isEqualTo(before.toBuilder().image("img:2").build());
        assertThat(after.volumes()).isEqualTo(before.volumes());
        assertThat(after.hostPort()).isEqualTo(40000);
        assertThat(map(after, 8).getImage()).isEqualTo("img:2");
    }

    @Test
    void invalidSpecsAreRefused() {
        assertThatThrownBy(() -> ContainerSpec.hardened("i").name("bad name").build())
                .hasMessageContaining("bad name");
        assertThatThrownBy(() -> ContainerSpec.hardened("i").dataVolume("../etc").build())
                .hasMessageContaining("volume name");
        assertThatThrownBy(() -> ContainerSpec.hardened("i").memoryBytes(1024).build())
                .hasMessageContaining("memory");
        assertThatThrownBy(() -> ContainerSpec.hardened("i").cpus(0).build()).hasMessageContaining("cpus");
        assertThatThrownBy(() -> ContainerSpec.hardened("i").hostPort(70000).build()).hasMessageContaining("port");
        assertThatThrownBy(() -> ContainerSpec.hardened("i").label(ManagedLabels.MANAGED, "false").build())
                .hasMessageContaining("managed");
        assertThatThrownBy(() -> new HealthSpec(List.of("curl"), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ZERO, 1)).hasMessageContaining("CMD");
    }
}
