package dev.snapotter.control.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link ContainerSpec}, starting from the seed's hardened values. Only what the desktop's settings
 * (and tests) may change has a setter: image, name, port, memory, CPUs, auth, volume names, health timings,
 * extra labels/env. Capabilities, log rotation, pids and restart policy are fixed by the seed.
 */
public final class ContainerSpecBuilder {

    private String image;
    private String name = ContainerSpec.DEFAULT_NAME;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<VolumeMount> volumes = new ArrayList<>();
    private List<String> capDrop = List.of("ALL");
    // The entrypoint starts as root to chown the volumes, then drops to uid 999 with gosu (seed, ADR 0031).
    private List<String> capAdd = List.of("CHOWN", "SETUID", "SETGID", "DAC_OVERRIDE", "FOWNER");
    private long memoryBytes = 6 * ContainerSpec.GIB;
    private double cpus = 4;
    private long pidsLimit = 512;
    private long shmSizeBytes = 2 * ContainerSpec.GIB;
    private String logDriver = "json-file";
    private Map<String, String> logOptions = Map.of("max-size", "50m", "max-file", "5");
    private String restartPolicy = "unless-stopped";
    private HealthSpec health = HealthSpec.seed(ContainerSpec.DEFAULT_PORT);
    private String hostIp = "127.0.0.1";
    private int hostPort = ContainerSpec.DEFAULT_PORT;
    private int containerPort = ContainerSpec.DEFAULT_PORT;
    private long memorySwapBytes = -1;

    ContainerSpecBuilder(String image) {
        this.image = image;
        labels.put(ManagedLabels.MANAGED, "true");
        labels.put(ManagedLabels.SPEC_VERSION, ContainerSpec.VERSION);
        env.put("AUTH_ENABLED", "true");
        env.put("RATE_LIMIT_PER_MIN", "100");
        // No DEFAULT_PASSWORD: plain env is visible in inspect; the server generates the first admin password.
        volumes.add(new VolumeMount("snapotter-data", "/data"));
        volumes.add(new VolumeMount("snapotter-workspace", "/tmp/workspace"));
    }

    ContainerSpecBuilder(ContainerSpec spec) {
        image = spec.image();
        name = spec.name();
        labels.putAll(spec.labels());
        env.putAll(spec.env());
        volumes.addAll(spec.volumes());
        capDrop = spec.capDrop();
        capAdd = spec.capAdd();
        memoryBytes = spec.memoryBytes();
        memorySwapBytes = spec.memorySwapBytes();
        cpus = spec.cpus();
        pidsLimit = spec.pidsLimit();
        shmSizeBytes = spec.shmSizeBytes();
        logDriver = spec.logDriver();
        logOptions = spec.logOptions();
        restartPolicy = spec.restartPolicy();
        health = spec.health();
        hostIp = spec.hostIp();
        hostPort = spec.hostPort();
        containerPort = spec.containerPort();
    }

    public ContainerSpecBuilder image(String value) {
        image = value;
        return this;
    }

    public ContainerSpecBuilder name(String value) {
        name = value;
        return this;
    }

    public ContainerSpecBuilder hostPort(int value) {
        hostPort = value;
        return this;
    }

    /** Memory limit; swap is set to the same value (no swap: fail fast instead of thrashing the host). */
    public ContainerSpecBuilder memoryBytes(long value) {
        memoryBytes = value;
        memorySwapBytes = value;
        return this;
    }

    public ContainerSpecBuilder cpus(double value) {
        cpus = value;
        return this;
    }

    public ContainerSpecBuilder authEnabled(boolean value) {
        env.put("AUTH_ENABLED", Boolean.toString(value));
        return this;
    }

    public ContainerSpecBuilder env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public ContainerSpecBuilder label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public ContainerSpecBuilder dataVolume(String volume) {
        return replaceVolume("/data", volume);
    }

    public ContainerSpecBuilder workspaceVolume(String volume) {
        return replaceVolume("/tmp/workspace", volume);
    }

    private ContainerSpecBuilder replaceVolume(String target, String volume) {
        volumes.replaceAll(v -> v.target().equals(target) ? new VolumeMount(volume, target) : v);
        return this;
    }

    /** Health timings (tests use seconds instead of the seed's minute-scale start period). */
    public ContainerSpecBuilder healthTimings(Duration interval, Duration timeout, Duration startPeriod, int retries) {
        health = health.withTimings(interval, timeout, startPeriod, retries);
        return this;
    }

    public ContainerSpec build() {
        long swap = memorySwapBytes < 0 ? memoryBytes : memorySwapBytes;
        return new ContainerSpec(image, name, labels, env, volumes, capDrop, capAdd, memoryBytes, swap, cpus,
                pidsLimit, shmSizeBytes, logDriver, logOptions, restartPolicy, health, hostIp, hostPort,
                containerPort);
    }
}
