package dev.snapotter.control.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * THE description of the SnapOtter container (ADR 0052): the hardened compose of the security seed as data.
 * Create and recreate (update, rollback, settings change) always map this spec, never an inspect result, so a
 * field cannot silently get lost on the way (Portainer #466).
 *
 * @param cpus       requested CPUs; clamped to the engine's CPU count when mapped (Docker refuses more)
 * @param hostPort   port on 127.0.0.1; the lifecycle replaces it with a free one when it is taken
 */
public record ContainerSpec(
        String image,
        String name,
        Map<String, String> labels,
        Map<String, String> env,
        List<VolumeMount> volumes,
        List<String> capDrop,
        List<String> capAdd,
        long memoryBytes,
        long memorySwapBytes,
        double cpus,
        long pidsLimit,
        long shmSizeBytes,
        String logDriver,
        Map<String, String> logOptions,
        String restartPolicy,
        HealthSpec health,
        String hostIp,
        int hostPort,
        int containerPort) {

    /** Bumped whenever a field's meaning changes; stored as a label so old containers can be recognised. */
    public static final String VERSION = "1";
    public static final String DEFAULT_NAME = "snapotter";
    public static final int DEFAULT_PORT = 1349;
    public static final long GIB = 1L << 30;

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        volumes = List.copyOf(volumes);
        capDrop = List.copyOf(capDrop);
        capAdd = List.copyOf(capAdd);
        logOptions = Map.copyOf(logOptions);
        Objects.requireNonNull(health, "health");
        if (!"true".equals(labels.get(ManagedLabels.MANAGED)) || !labels.containsKey(ManagedLabels.SPEC_VERSION)) {
            throw new IllegalArgumentException("A SnapOtter container must carry the managed and spec-version labels");
        }
        if (memoryBytes < 64L << 20) throw new IllegalArgumentException("memory below 64 MiB: " + memoryBytes);
        if (memorySwapBytes < memoryBytes) throw new IllegalArgumentException("memory+swap below memory");
        if (!(cpus > 0)) throw new IllegalArgumentException("cpus must be > 0: " + cpus);
        if (hostPort < 0 || hostPort > 65535 || containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("bad port " + hostPort + ":" + containerPort);
        }
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) throw new IllegalArgumentException("bad name: " + name);
    }

    /** The seed's container for {@code image}, with every default. */
    public static ContainerSpecBuilder hardened(String image) {
        return new ContainerSpecBuilder(image);
    }

    /** A builder pre-filled with this spec, e.g. to swap the image for an update or the port after a clash. */
    public ContainerSpecBuilder toBuilder() {
        return new ContainerSpecBuilder(this);
    }

    public ContainerSpec withImage(String newImage) {
        return toBuilder().image(newImage).build();
    }

    public ContainerSpec withHostPort(int newPort) {
        return toBuilder().hostPort(newPort).build();
    }
}
