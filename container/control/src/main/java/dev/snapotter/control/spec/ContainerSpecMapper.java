package dev.snapotter.control.spec;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import java.util.List;

/**
 * Maps a {@link ContainerSpec} onto docker-java's {@link CreateContainerCmd}. One {@link HostConfig} is built and
 * set once: the deprecated shortcut setters on the command write into a HostConfig that a later
 * {@code withHostConfig} silently replaces (desktop-anchors §4.1).
 */
public final class ContainerSpecMapper {

    private static final long NANOS_PER_CPU = 1_000_000_000L;

    private ContainerSpecMapper() {
    }

    /**
     * @param engineCpus the engine's CPU count ({@code info.NCPU}); Docker refuses NanoCPUs above it
     */
    public static CreateContainerCmd apply(CreateContainerCmd cmd, ContainerSpec spec, int engineCpus) {
        ExposedPort port = ExposedPort.tcp(spec.containerPort());
        HostConfig host = HostConfig.newHostConfig()
                .withMounts(spec.volumes().stream().map(ContainerSpecMapper::mount).toList())
                .withCapDrop(capabilities(spec.capDrop()))
                .withCapAdd(capabilities(spec.capAdd()))
                .withMemory(spec.memoryBytes())
                .withMemorySwap(spec.memorySwapBytes())
                .withNanoCPUs(nanoCpus(spec.cpus(), engineCpus))
                .withPidsLimit(spec.pidsLimit())
                .withShmSize(spec.shmSizeBytes())
                .withLogConfig(new LogConfig(logDriver(spec.logDriver()), spec.logOptions()))
                .withRestartPolicy(RestartPolicy.parse(spec.restartPolicy()))
                // bindIpAndPort: Binding.bindPort alone would listen on every interface.
                .withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort(spec.hostIp(), spec.hostPort()), port));
        return cmd.withName(spec.name())
                .withLabels(spec.labels())
                .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withExposedPorts(port)
                .withHealthcheck(health(spec.health()))
                .withHostConfig(host);
    }

    /** Requested CPUs clamped to the engine's count, in the NanoCPUs unit. */
    static long nanoCpus(double requested, int engineCpus) {
        double cpus = engineCpus > 0 ? Math.min(requested, engineCpus) : requested;
        return Math.round(cpus * NANOS_PER_CPU);
    }

    static HealthCheck health(HealthSpec health) {
        return new HealthCheck()
                .withTest(health.test())
                .withInterval(health.interval().toNanos())
                .withTimeout(health.timeout().toNanos())
                .withStartPeriod(health.startPeriod().toNanos())
                .withRetries(health.retries());
    }

    /** By name, skipping DEFAULT, which docker-java aliases to "json-file" as well. */
    static LogConfig.LoggingType logDriver(String name) {
        for (LogConfig.LoggingType type : LogConfig.LoggingType.values()) {
            if (type != LogConfig.LoggingType.DEFAULT && type.getType().equals(name)) return type;
        }
        throw new IllegalArgumentException("Unknown log driver: " + name);
    }

    private static Mount mount(VolumeMount volume) {
        return new Mount().withType(MountType.VOLUME).withSource(volume.volume()).withTarget(volume.target());
    }

    private static Capability[] capabilities(List<String> names) {
        return names.stream().map(Capability::valueOf).toArray(Capability[]::new);
    }
}
