package dev.snapotter.desktop.server;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.snapotter.control.docker.DockerClients;
import dev.snapotter.control.endpoint.DockerEndpoint;
import dev.snapotter.control.endpoint.DockerEndpointFinder;
import dev.snapotter.control.endpoint.DockerUnavailableException;
import dev.snapotter.control.endpoint.FoundEndpoint;
import dev.snapotter.control.lifecycle.ContainerLifecycle;
import dev.snapotter.control.lifecycle.ContainerUpdater;
import dev.snapotter.control.lifecycle.InitialAdminPassword;
import dev.snapotter.control.lifecycle.HealthSnapshot;
import dev.snapotter.control.lifecycle.HealthWaiter;
import dev.snapotter.control.lifecycle.ImageInfo;
import dev.snapotter.control.monitor.ContainerLogs;
import dev.snapotter.control.monitor.LogLine;
import dev.snapotter.control.monitor.LogRequest;
import dev.snapotter.control.monitor.StatsCollector;
import dev.snapotter.control.monitor.StatsReader;
import dev.snapotter.control.monitor.StatsSample;
import dev.snapotter.control.monitor.StreamRegistry;
import dev.snapotter.control.spec.ContainerSpec;
import dev.snapotter.control.spec.HostPorts;
import dev.snapotter.control.spec.VolumeMount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link ServerControl} over the control library; Docker is contacted only on first use, never at construction. */
public final class DockerServerControl implements ServerControl {

    private static final Logger LOG = LoggerFactory.getLogger(DockerServerControl.class);
    /** The seed's first start can take a while (database migrations); the watchdog ends only a stalled start. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(120);

    private final DockerEndpointFinder finder;
    private final Supplier<Optional<Path>> bundled;
    // Volatile: the UI thread reads image() and port() while a slow connect holds the lock on the server lane.
    private volatile ContainerSpec spec;
    private DockerClient docker;
    private volatile ContainerLifecycle lifecycle;
    private StreamRegistry streams = new StreamRegistry();

    private final Consumer<Optional<DockerEndpoint>> remember;

    public DockerServerControl(DockerEndpointFinder finder, ContainerSpec spec, Supplier<Optional<Path>> bundled) {
        this(finder, spec, bundled, endpoint -> { });
    }

    /** @param remember told the endpoint that answered (kept for the next launch), or empty when none did */
    public DockerServerControl(DockerEndpointFinder finder, ContainerSpec spec, Supplier<Optional<Path>> bundled,
                               Consumer<Optional<DockerEndpoint>> remember) {
        this.finder = finder;
        this.spec = spec;
        this.bundled = bundled;
        this.remember = remember;
    }

    @Override
    public synchronized FoundEndpoint connect() throws DockerUnavailableException {
        FoundEndpoint found;
        try {
            found = finder.find();
        } catch (DockerUnavailableException e) {
            dropClient();
            rememberQuietly(Optional.empty());
            throw e;
        }
        rememberQuietly(Optional.of(found.endpoint()));
        if (docker == null) {
            docker = DockerClients.create(found.endpoint());
            lifecycle = new ContainerLifecycle(docker, spec, new HealthWaiter(STALL_TIMEOUT, Duration.ofSeconds(1)));
        }
        return found;
    }

    private void rememberQuietly(Optional<DockerEndpoint> endpoint) {
        try {
            remember.accept(endpoint);
        } catch (RuntimeException e) {
            LOG.warn("Could not remember the Docker endpoint: {}", e.getMessage());
        }
    }

    private synchronized ContainerLifecycle lifecycle() {
        if (lifecycle == null) {
            try {
                connect();
            } catch (DockerUnavailableException e) {
                throw new IllegalStateException("Docker is not reachable: " + e.getMessage(), e);
            }
        }
        return lifecycle;
    }

    @Override
    public String image() {
        return spec.image();
    }

    @Override
    public int port() {
        ContainerLifecycle l = lifecycle;
        return l == null ? spec.hostPort() : l.spec().hostPort();
    }

    @Override
    public synchronized void usePort(int port) {
        spec = spec.withHostPort(port);
        if (docker != null) {
            lifecycle = new ContainerLifecycle(docker, spec, new HealthWaiter(STALL_TIMEOUT, Duration.ofSeconds(1)));
        }
    }

    @Override
    public boolean imagePresent() {
        return lifecycle().images().find(image()).isPresent();
    }

    @Override
    public Optional<Path> bundledImage() {
        return bundled.get();
    }

    @Override
    public String loadImage(Path archive) {
        return lifecycle().images().load(archive);
    }

    @Override
    public boolean containerExists() {
        return lifecycle().inspect().isPresent();
    }

    @Override
    public boolean portFree(int port) {
        return HostPorts.isFree(spec.hostIp(), port);
    }

    @Override
    public int freePortFrom(int preferred) {
        return HostPorts.choose(spec.hostIp(), preferred);
    }

    @Override
    public HealthSnapshot startAll(Consumer<String> steps) {
        return lifecycle().startAll(bundledImage(), steps);
    }

    @Override
    public Optional<ServerStatus> status() {
        ContainerLifecycle l = lifecycle();
        Optional<InspectContainerResponse> found = l.inspect();
        if (found.isEmpty()) return Optional.empty();
        InspectContainerResponse c = found.get();
        HealthSnapshot health = HealthSnapshot.of(c);
        String image = c.getConfig() != null && c.getConfig().getImage() != null ? c.getConfig().getImage() : l.spec().image();
        Optional<String> version = l.images().find(image).flatMap(ImageInfo::version);
        String volume = l.spec().volumes().stream().filter(v -> v.target().equals("/data"))
                .map(VolumeMount::volume).findFirst().orElse("-");
        Optional<Instant> started = health.running() && c.getState() != null
                ? parse(c.getState().getStartedAt()) : Optional.empty();
        return Optional.of(new ServerStatus(c.getId(), health, image, version,
                l.publishedPort().orElse(l.spec().hostPort()), volume, started));
    }

    private static Optional<Instant> parse(String iso) {
        try {
            return iso == null ? Optional.empty() : Optional.of(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public void stop() {
        lifecycle().stop();
    }

    @Override
    public void restart() {
        lifecycle().restart();
    }

    @Override
    public void remove(boolean deleteData) {
        closeStreams();
        lifecycle().remove(deleteData);
    }

    @Override
    public Optional<String> initialAdminPassword() {
        return InitialAdminPassword.read(lifecycle().docker(), requireId());
    }

    @Override
    public HealthSnapshot update(Path archive, Consumer<String> steps) {
        closeStreams();
        adoptPublishedPort();
        steps.accept("Loading " + archive.getFileName());
        String message = lifecycle().images().load(archive);
        steps.accept(message.strip());
        String image = LoadedImage.reference(message).orElse(spec.image());
        HealthSnapshot healthy = new ContainerUpdater(lifecycle()).update(image, steps);
        synchronized (this) {
            spec = lifecycle.spec();
        }
        return healthy;
    }

    /** An update must keep the port the existing container publishes (maybe a fallback), so the user's URL stays. */
    private void adoptPublishedPort() {
        ContainerLifecycle l = lifecycle();
        l.publishedPort().filter(p -> p != l.spec().hostPort()).ifPresent(this::usePort);
    }

    @Override
    public ContainerSpec spec() {
        return spec;
    }

    @Override
    public synchronized void useSpec(ContainerSpec newSpec) {
        spec = newSpec;
        if (docker != null) {
            lifecycle = new ContainerLifecycle(docker, spec, new HealthWaiter(STALL_TIMEOUT, Duration.ofSeconds(1)));
        }
    }

    @Override
    public int engineCpus() {
        return lifecycle().engineCpus();
    }

    @Override
    public HealthSnapshot recreate(Consumer<String> steps) {
        closeStreams();
        steps.accept("Removing the container (the data volumes stay)");
        lifecycle().remove(false);
        return startAll(steps);
    }

    @Override
    public void followLogs(int tail, Consumer<LogLine> sink) {
        String id = requireId();
        new ContainerLogs(lifecycle().docker(), registry()).open(id, LogRequest.follow(tail).withTimestamps(true), sink);
    }

    @Override
    public void collectStats(Consumer<StatsSample> sink) {
        String id = requireId();
        StatsCollector.start(new StatsReader(lifecycle().docker()), registry(), id, Duration.ofSeconds(2), 150, sink);
    }

    private String requireId() {
        return lifecycle().inspect().map(InspectContainerResponse::getId)
                .orElseThrow(() -> new IllegalStateException("There is no SnapOtter container yet"));
    }

    /** Log and stats streams open right now (tests check that closing the area leaves none). */
    public synchronized int openStreamCount() {
        return streams.openCount();
    }

    private synchronized StreamRegistry registry() {
        return streams;
    }

    @Override
    public synchronized void closeStreams() {
        // A fresh registry: the next open of the area starts clean even if a stream refuses to close.
        StreamRegistry old = streams;
        streams = new StreamRegistry();
        old.close();
    }

    private synchronized void dropClient() {
        closeStreams();
        if (docker != null) {
            try {
                docker.close();
            } catch (IOException e) {
                LOG.debug("Closing the Docker client failed", e);
            }
        }
        docker = null;
        lifecycle = null;
    }

    @Override
    public synchronized void close() {
        dropClient();
    }
}
