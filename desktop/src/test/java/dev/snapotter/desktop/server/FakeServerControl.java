package dev.snapotter.desktop.server;

import dev.snapotter.control.endpoint.DockerEndpoint;
import dev.snapotter.control.endpoint.DockerUnavailableException;
import dev.snapotter.control.endpoint.EndpointAttempt;
import dev.snapotter.control.endpoint.FoundEndpoint;
import dev.snapotter.control.endpoint.PingResult;
import dev.snapotter.control.lifecycle.HealthSnapshot;
import dev.snapotter.control.lifecycle.ImageLoadException;
import dev.snapotter.control.lifecycle.ProbeResult;
import dev.snapotter.control.lifecycle.UpdateRolledBackException;
import dev.snapotter.control.spec.ContainerSpec;
import dev.snapotter.control.monitor.LogLine;
import dev.snapotter.control.monitor.StatsSample;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A scripted Docker: each field is one fact the onboarding checks or the Server area look at. */
final class FakeServerControl implements ServerControl {

    DockerUnavailableException unavailable;
    RuntimeException connectError;
    boolean imagePresent = true;
    Optional<Path> bundled = Optional.empty();
    String loadFailure;
    final List<Path> loaded = new ArrayList<>();
    boolean containerExists;
    final List<Integer> busyPorts = new ArrayList<>();
    int port = 1349;
    boolean running;
    RuntimeException startFailure;
    Instant startedAt = Instant.parse("2026-01-01T10:00:00Z");
    final List<String> calls = new ArrayList<>();
    final List<LogLine> logLines = new ArrayList<>();
    final List<StatsSample> samples = new ArrayList<>();
    int openStreams;
    /** The stats stream's sink while it is open: a test pushes later samples through it. */
    volatile Consumer<StatsSample> statsSink;
    int closedStreamCalls;
    Optional<String> initialPassword = Optional.empty();
    /** When set, update fails its health gate and "rolls back" with this reason. */
    String updateFailure;
    ContainerSpec spec = ContainerSpec.hardened("snapotter/snapotter:test").build();
    int engineCpus = 2;

    static DockerUnavailableException failure(PingResult.Failure... kinds) {
        List<EndpointAttempt> attempts = new ArrayList<>();
        attempts.add(new EndpointAttempt("DOCKER_HOST", Optional.empty(), false, Optional.empty(), "not set"));
        for (PingResult.Failure k : kinds) {
            attempts.add(switch (k) {
                case NO_PERMISSION -> new EndpointAttempt("system socket", Optional.of(DockerEndpoint.unixSocket(
                        "/var/run/docker.sock")), false, Optional.of(k), "permission denied");
                case NOT_RUNNING -> new EndpointAttempt("rootless socket", Optional.of(DockerEndpoint.unixSocket(
                        "/run/user/1000/docker.sock")), false, Optional.of(k), "connection refused");
                case ERROR -> new EndpointAttempt("docker context", Optional.of(DockerEndpoint.of(
                        "tcp://127.0.0.1:2376")), false, Optional.of(k), "TLS handshake failed");
            });
        }
        return new DockerUnavailableException(attempts);
    }

    @Override
    public FoundEndpoint connect() throws DockerUnavailableException {
        calls.add("connect");
        if (unavailable != null) throw unavailable;
        if (connectError != null) throw connectError;
        return new FoundEndpoint("fake", DockerEndpoint.unixSocket("/var/run/docker.sock"), "1.41", List.of());
    }

    @Override
    public String image() {
        return "snapotter/snapotter:test";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void usePort(int newPort) {
        port = newPort;
    }

    @Override
    public boolean imagePresent() {
        return imagePresent;
    }

    @Override
    public Optional<Path> bundledImage() {
        return bundled;
    }

    @Override
    public String loadImage(Path archive) {
        calls.add("load " + archive.getFileName());
        if (loadFailure != null) throw new ImageLoadException(loadFailure);
        loaded.add(archive);
        imagePresent = true;
        return "Loaded image: " + image();
    }

    @Override
    public boolean containerExists() {
        return containerExists;
    }

    @Override
    public boolean portFree(int p) {
        return !busyPorts.contains(p);
    }

    @Override
    public int freePortFrom(int preferred) {
        int p = preferred;
        while (busyPorts.contains(p)) p++;
        return p;
    }

    @Override
    public HealthSnapshot startAll(Consumer<String> steps) {
        calls.add("startAll");
        steps.accept("Checking the image");
        steps.accept("Creating the container");
        steps.accept("Starting");
        if (startFailure != null) throw startFailure;
        containerExists = true;
        running = true;
        steps.accept("Health: healthy");
        return snapshot();
    }

    HealthSnapshot snapshot() {
        return new HealthSnapshot(running ? "running" : "exited", running, false, false, 0, 0,
                running ? "healthy" : "none", 0, running
                ? List.of(new ProbeResult("2026-01-01T10:00:05Z", "2026-01-01T10:00:06Z", 0, "{\"status\":\"ok\"}\n"))
                : List.of());
    }

    @Override
    public Optional<ServerStatus> status() {
        if (!containerExists) return Optional.empty();
        return Optional.of(new ServerStatus("c0ffee", snapshot(), image(), Optional.of("0.1.0"), port, "snapotter-data",
                running ? Optional.of(startedAt) : Optional.empty()));
    }

    @Override
    public void stop() {
        calls.add("stop");
        running = false;
    }

    @Override
    public void restart() {
        calls.add("restart");
        running = true;
    }

    @Override
    public void remove(boolean deleteData) {
        calls.add("remove deleteData=" + deleteData);
        containerExists = false;
        running = false;
    }

    @Override
    public Optional<String> initialAdminPassword() {
        return initialPassword;
    }

    @Override
    public HealthSnapshot update(Path archive, Consumer<String> steps) {
        calls.add("update " + archive.getFileName());
        steps.accept("Loading " + archive.getFileName());
        steps.accept("Waiting until the new container is healthy");
        if (updateFailure != null) {
            steps.accept("The new container failed; going back to the previous one");
            throw new UpdateRolledBackException("The update to snapotter/snapotter:new failed and was rolled back: "
                    + updateFailure, new IllegalStateException(updateFailure));
        }
        return snapshot();
    }

    @Override
    public ContainerSpec spec() {
        return spec;
    }

    @Override
    public void useSpec(ContainerSpec newSpec) {
        calls.add("useSpec");
        spec = newSpec;
        port = newSpec.hostPort();
    }

    @Override
    public int engineCpus() {
        return engineCpus;
    }

    @Override
    public HealthSnapshot recreate(Consumer<String> steps) {
        calls.add("recreate");
        containerExists = false;
        return startAll(steps);
    }

    @Override
    public void followLogs(int tail, Consumer<LogLine> sink) {
        openStreams++;
        logLines.forEach(sink);
    }

    @Override
    public void collectStats(Consumer<StatsSample> sink) {
        openStreams++;
        statsSink = sink;
        samples.forEach(sink);
    }

    @Override
    public void closeStreams() {
        closedStreamCalls++;
        openStreams = 0;
    }

    @Override
    public void close() {
        closeStreams();
    }
}
