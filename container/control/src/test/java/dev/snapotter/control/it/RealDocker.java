package dev.snapotter.control.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.snapotter.control.docker.DockerClients;
import dev.snapotter.control.docker.DockerPinger;
import dev.snapotter.control.docker.LeakTrackingHttpClient;
import dev.snapotter.control.endpoint.DockerEndpointFinder;
import dev.snapotter.control.endpoint.DockerUnavailableException;
import dev.snapotter.control.endpoint.EndpointStrategies;
import dev.snapotter.control.endpoint.FoundEndpoint;
import dev.snapotter.control.endpoint.HostEnvironment;
import dev.snapotter.control.spec.ManagedLabels;
import dev.snapotter.control.spec.ContainerSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real engine for the daemon tests, found the way the app finds it. Skips (not fails) with the full list of
 * tried endpoints when there is none. Everything a run creates carries {@link #RUN_LABEL} so cleanup removes
 * exactly this run's objects and never another suite's.
 */
final class RealDocker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealDocker.class);
    static final String RUN_LABEL = "dev.snapotter.test.run";

    final FoundEndpoint endpoint;
    final DockerClient docker;
    final LeakTrackingHttpClient http;
    final String runId = UUID.randomUUID().toString().substring(0, 8);

    private RealDocker(FoundEndpoint endpoint) {
        this.endpoint = endpoint;
        AtomicReference<LeakTrackingHttpClient> tracker = new AtomicReference<>();
        this.docker = DockerClients.create(endpoint.endpoint(), raw -> {
            tracker.set(new LeakTrackingHttpClient(raw));
            return tracker.get();
        });
        this.http = tracker.get();
    }

    static RealDocker connectOrSkip() {
        DockerEndpointFinder finder = new DockerEndpointFinder(EndpointStrategies.defaults(Optional.empty()),
                HostEnvironment.system(), new DockerPinger());
        try {
            return new RealDocker(finder.find());
        } catch (DockerUnavailableException e) {
            LOG.warn("Skipping the real-daemon tests: {}", e.getMessage());
            Assumptions.abort("No Docker engine reachable, skipping the real-daemon tests. " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    Map<String, String> labels() {
        return Map.of(ManagedLabels.MANAGED, "true", ManagedLabels.TEST, "true", RUN_LABEL, runId);
    }

    /** The seed's spec with test-sized memory, 1 s health probes, per-name volumes and this run's labels. */
    ContainerSpec spec(String image, String name, int port) {
        var b = ContainerSpec.hardened(image).name(name).hostPort(port)
                .memoryBytes(256L << 20)
                .dataVolume(name + "-data").workspaceVolume(name + "-workspace")
                .healthTimings(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1), 2);
        labels().forEach(b::label);
        return b.build();
    }

    /** "status body" of a loopback GET. */
    static String get(int port, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        }
    }

    /** Removes this run's containers, volumes and the given images; every step tolerates "already gone". */
    void cleanUp(List<String> imageTags) {
        String filter = RUN_LABEL + "=" + runId;
        for (Container c : docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(RUN_LABEL, runId)).exec()) {
            quietly(() -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        }
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(filter)).exec().getVolumes();
        if (volumes != null) volumes.forEach(v -> quietly(() -> docker.removeVolumeCmd(v.getName()).exec()));
        for (String tag : imageTags) quietly(() -> docker.removeImageCmd(tag).withForce(true).exec());
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (NotFoundException gone) {
            // fine
        } catch (RuntimeException e) {
            LOG.warn("Cleanup step failed: {}", e.toString());
        }
    }

    /** Runs {@code script} with /bin/sh in the container and waits for it; fails on a non-zero exit, with the output. */
    String exec(String containerId, String script) throws InterruptedException {
        return exec(containerId, null, script);
    }

    /** The same as {@code user} (null: the image's default, root here, which holds no CAP_KILL in the hardened container). */
    String exec(String containerId, String user, String script) throws InterruptedException {
        var create = docker.execCreateCmd(containerId).withCmd("/bin/sh", "-c", script).withAttachStdout(true).withAttachStderr(true);
        if (user != null) create = create.withUser(user);
        String execId = create.exec().getId();
        StringBuffer output = new StringBuffer();
        boolean ended = docker.execStartCmd(execId)
                .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                    @Override
                    public void onNext(com.github.dockerjava.api.model.Frame frame) {
                        output.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                })
                .awaitCompletion(30, java.util.concurrent.TimeUnit.SECONDS);
        org.assertj.core.api.Assertions.assertThat(ended).as("exec of %s did not finish in 30 s", script).isTrue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> !Boolean.TRUE.equals(docker.inspectExecCmd(execId).exec().isRunning()));
        Long exitCode = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        org.assertj.core.api.Assertions.assertThat(exitCode).as("exit code of %s, output: %s", script, output).isEqualTo(0L);
        return output.toString();
    }

    @Override
    public void close() throws IOException {
        docker.close();
    }
}
