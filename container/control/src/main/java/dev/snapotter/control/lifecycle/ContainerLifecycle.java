package dev.snapotter.control.lifecycle;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.snapotter.control.spec.ContainerSpec;
import dev.snapotter.control.spec.ContainerSpecMapper;
import dev.snapotter.control.spec.HostPorts;
import dev.snapotter.control.spec.ManagedLabels;
import dev.snapotter.control.spec.VolumeMount;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, stops, restarts and removes the one SnapOtter container described by a {@link ContainerSpec}.
 * The container is found by name and must carry the managed label; everything is (re)created from the spec.
 */
public final class ContainerLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLifecycle.class);
    private static final int STOP_TIMEOUT_SECONDS = 15;

    private final DockerClient docker;
    private final ImageStore images;
    private final HealthWaiter waiter;
    private volatile ContainerSpec spec;

    public ContainerLifecycle(DockerClient docker, ContainerSpec spec, HealthWaiter waiter) {
        this.docker = docker;
        this.images = new ImageStore(docker);
        this.waiter = waiter;
        this.spec = spec;
    }

    /** The spec the container was (or will be) created from, including the port actually chosen. */
    public ContainerSpec spec() {
        return spec;
    }

    void replaceSpec(ContainerSpec newSpec) {
        spec = newSpec;
    }

    public ImageStore images() {
        return images;
    }

    public DockerClient docker() {
        return docker;
    }

    public int engineCpus() {
        Integer n = docker.infoCmd().exec().getNCPU();
        return n == null ? 0 : n;
    }

    /** The spec's image, loaded from {@code bundledTar} when missing, then checked (labels, version). */
    public ImageInfo ensureImage(Optional<Path> bundledTar, Optional<String> expectedVersion) {
        Optional<ImageInfo> present = images.find(spec.image());
        if (present.isEmpty()) {
            Path tar = bundledTar.orElseThrow(() -> new ImageLoadException(
                    "The image " + spec.image() + " is not in Docker and no image archive was given"));
            images.load(tar);
            present = images.find(spec.image());
            if (present.isEmpty()) {
                throw new ImageLoadException("The archive " + tar.getFileName() + " loaded, but it does not contain "
                        + spec.image());
            }
        }
        return images.verify(present.get(), expectedVersion);
    }

    /** Creates missing volumes with the managed labels; existing ones (the user's data) are kept as they are. */
    public void ensureVolumes() {
        for (VolumeMount volume : spec.volumes()) {
            try {
                docker.inspectVolumeCmd(volume.volume()).exec();
            } catch (NotFoundException e) {
                docker.createVolumeCmd().withName(volume.volume()).withLabels(volumeLabels()).exec();
                LOG.info("Created volume {}", volume.volume());
            }
        }
    }

    /** The container's labels minus the spec version (a volume outlives many spec versions). */
    private Map<String, String> volumeLabels() {
        Map<String, String> labels = new java.util.HashMap<>(spec.labels());
        labels.remove(ManagedLabels.SPEC_VERSION);
        return labels;
    }

    /** The managed container with the spec's name, if any. Refuses a same-named container we did not create. */
    public Optional<InspectContainerResponse> inspect() {
        return inspectManaged(spec.name());
    }

    Optional<InspectContainerResponse> inspectManaged(String name) {
        try {
            InspectContainerResponse c = docker.inspectContainerCmd(name).exec();
            Map<String, String> labels = c.getConfig() == null ? null : c.getConfig().getLabels();
            if (labels == null || !"true".equals(labels.get(ManagedLabels.MANAGED))) {
                throw new ControlException("A container named '" + name + "' exists but SnapOtter did not create it;"
                        + " rename or remove it, or choose another name in the settings");
            }
            return Optional.of(c);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Creates the container from the spec; the port falls back to a free one when the preferred is taken. */
    public String create() {
        if (inspect().isPresent()) throw new ControlException("The container '" + spec.name() + "' already exists");
        int port = HostPorts.choose(spec.hostIp(), spec.hostPort());
        if (port != spec.hostPort()) {
            LOG.warn("Port {} is taken on {}; using {}", spec.hostPort(), spec.hostIp(), port);
            spec = spec.withHostPort(port);
        }
        return createFrom(spec);
    }

    String createFrom(ContainerSpec s) {
        String id = ContainerSpecMapper.apply(docker.createContainerCmd(s.image()), s, engineCpus()).exec().getId();
        LOG.info("Created container {} ({}) from {} on {}:{}", s.name(), id, s.image(), s.hostIp(), s.hostPort());
        return id;
    }

    public void start() {
        startById(requireId());
    }

    void startById(String id) {
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyRunning) {
            LOG.debug("Container {} was already running", id);
        }
    }

    public HealthSnapshot health() {
        return HealthSnapshot.of(docker.inspectContainerCmd(requireId()).exec());
    }

    public HealthSnapshot waitHealthy(Consumer<HealthSnapshot> progress) {
        return waitHealthyById(requireId(), progress);
    }

    HealthSnapshot waitHealthyById(String id, Consumer<HealthSnapshot> progress) {
        return waiter.await(() -> HealthSnapshot.of(docker.inspectContainerCmd(id).exec()), progress);
    }

    public void stop() {
        stopById(requireId());
    }

    void stopById(String id) {
        try {
            docker.stopContainerCmd(id).withTimeout(STOP_TIMEOUT_SECONDS).exec();
        } catch (NotModifiedException alreadyStopped) {
            LOG.debug("Container {} was already stopped", id);
        }
    }

    public void restart() {
        docker.restartContainerCmd(requireId()).withTimeout(STOP_TIMEOUT_SECONDS).exec();
    }

    /** Removes the container; its volumes (the user's data) only when {@code removeVolumes}. */
    public void remove(boolean removeVolumes) {
        inspect().ifPresent(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        if (removeVolumes) {
            for (VolumeMount volume : spec.volumes()) {
                try {
                    docker.removeVolumeCmd(volume.volume()).exec();
                    LOG.info("Removed volume {}", volume.volume());
                } catch (NotFoundException gone) {
                    LOG.debug("Volume {} was already gone", volume.volume());
                }
            }
        }
    }

    /** The host port the existing container publishes its server port on. */
    public Optional<Integer> publishedPort() {
        return inspect().flatMap(this::publishedPort);
    }

    private Optional<Integer> publishedPort(InspectContainerResponse c) {
        if (c.getHostConfig() == null || c.getHostConfig().getPortBindings() == null) return Optional.empty();
        Ports.Binding[] bindings = c.getHostConfig().getPortBindings().getBindings()
                .get(ExposedPort.tcp(spec.containerPort()));
        if (bindings == null || bindings.length == 0 || bindings[0].getHostPortSpec() == null) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(bindings[0].getHostPortSpec()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The one piece of state taken from an existing container: the host port that {@link #create()} chose (maybe a
     * fallback) — so the app, restarted, talks to the right port and an update keeps the user's URL.
     */
    private void adoptPublishedPort(InspectContainerResponse c) {
        publishedPort(c).filter(p -> p != spec.hostPort()).ifPresent(p -> {
            LOG.info("Container {} publishes port {}; using it", spec.name(), p);
            spec = spec.withHostPort(p);
        });
    }

    /** The one Start button: image, volumes, container, start, healthy. Each step reports through {@code steps}. */
    public HealthSnapshot startAll(Optional<Path> bundledTar, Consumer<String> steps) {
        steps.accept("Checking the image");
        ensureImage(bundledTar, Optional.empty());
        steps.accept("Checking the data volumes");
        ensureVolumes();
        Optional<InspectContainerResponse> existing = inspect();
        if (existing.isEmpty()) {
            steps.accept("Creating the container");
            create();
        } else {
            adoptPublishedPort(existing.get());
        }
        steps.accept("Starting");
        start();
        steps.accept("Waiting until healthy");
        return waitHealthy(s -> steps.accept("Health: " + s.health()));
    }

    private String requireId() {
        return inspect().map(InspectContainerResponse::getId).orElseThrow(
                () -> new ControlException("There is no container '" + spec.name() + "' yet"));
    }
}
