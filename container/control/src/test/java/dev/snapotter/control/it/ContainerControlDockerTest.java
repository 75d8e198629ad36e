package dev.snapotter.control.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import dev.snapotter.control.lifecycle.ContainerLifecycle;
import dev.snapotter.control.lifecycle.ContainerUpdater;
import dev.snapotter.control.lifecycle.HealthSnapshot;
import dev.snapotter.control.lifecycle.HealthWaiter;
import dev.snapotter.control.lifecycle.InitialAdminPassword;
import dev.snapotter.control.lifecycle.UpdateRolledBackException;
import dev.snapotter.control.monitor.ContainerEvent;
import dev.snapotter.control.monitor.ContainerEvents;
import dev.snapotter.control.monitor.ContainerLogs;
import dev.snapotter.control.monitor.LogLine;
import dev.snapotter.control.monitor.LogRequest;
import dev.snapotter.control.monitor.LogStream;
import dev.snapotter.control.monitor.StatsCollector;
import dev.snapotter.control.monitor.StatsReader;
import dev.snapotter.control.monitor.StatsSample;
import dev.snapotter.control.monitor.StreamRegistry;
import dev.snapotter.control.spec.ContainerSpec;
import dev.snapotter.control.spec.HostPorts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The control library against the real engine, with registry-free busybox images built by {@link TestImages}.
 * One container is started once and shared by the ordered scenarios; every scenario must leave no open stream.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerControlDockerTest {

    private static RealDocker real;
    private static String goodImage;
    private static String goodImage2;
    private static String brokenImage;
    private static ContainerLifecycle lifecycle;
    private static StreamRegistry streams;

    @BeforeAll
    static void setUp() throws Exception {
        real = RealDocker.connectOrSkip();
        TestImages.requireBusybox();
        String repo = "snapotter-ctl-test-" + real.runId;
        goodImage = repo + ":1";
        goodImage2 = repo + ":2";
        brokenImage = repo + ":broken";
        TestImages.build(real.docker, goodImage, false, "1.0.0-test", real.labels());
        TestImages.build(real.docker, goodImage2, false, "2.0.0-test", real.labels());
        TestImages.build(real.docker, brokenImage, true, "3.0.0-broken", real.labels());
        lifecycle = new ContainerLifecycle(real.docker, real.spec(goodImage, "snapotter-ctl-test-" + real.runId,
                HostPorts.choose("127.0.0.1", 0)), new HealthWaiter(Duration.ofSeconds(20), Duration.ofMillis(250)));
        streams = new StreamRegistry();
    }

    @AfterEach
    void noLeakedStreams() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(streams.openStreams()).as("registered streams still open").isEmpty();
            assertThat(real.http.openResponses()).as("HTTP responses still open").isEmpty();
        });
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (real == null) return;
        if (streams != null) streams.close();
        real.cleanUp(java.util.stream.Stream.of(goodImage, goodImage2, brokenImage)
                .filter(java.util.Objects::nonNull).toList());
        real.close();
    }

    private static String id() {
        return lifecycle.inspect().orElseThrow().getId();
    }

    @Test
    @Order(1)
    void startsToHealthyWithTheHardenedHostConfig() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        HealthSnapshot healthy = lifecycle.startAll(Optional.empty(), steps::add);

        assertThat(healthy.healthy()).isTrue();
        assertThat(healthy.lastProbe()).hasValueSatisfying(p -> assertThat(p.exitCode()).isZero());
        assertThat(steps).contains("Checking the image", "Creating the container", "Waiting until healthy");

        InspectContainerResponse c = lifecycle.inspect().orElseThrow();
        HostConfig host = c.getHostConfig();
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getCapAdd()).containsExactlyInAnyOrder(Capability.CHOWN, Capability.SETUID,
                Capability.SETGID, Capability.DAC_OVERRIDE, Capability.FOWNER);
        assertThat(host.getMemory()).isEqualTo(256L << 20);
        assertThat(host.getMemorySwap()).isEqualTo(256L << 20);
        assertThat(host.getNanoCPUs()).isEqualTo(Math.min(4, lifecycle.engineCpus()) * 1_000_000_000L);
        assertThat(host.getPidsLimit()).isEqualTo(512L);
        assertThat(host.getShmSize()).isEqualTo(2L << 30);
        assertThat(host.getLogConfig().getConfig()).containsEntry("max-size", "50m").containsEntry("max-file", "5");
        assertThat(host.getRestartPolicy().getName()).isEqualTo("unless-stopped");
        var binding = host.getPortBindings().getBindings().get(ExposedPort.tcp(1349))[0];
        assertThat(binding.getHostIp()).isEqualTo("127.0.0.1");
        assertThat(binding.getHostPortSpec()).isEqualTo(Integer.toString(lifecycle.spec().hostPort()));
        assertThat(c.getConfig().getLabels()).containsEntry("dev.snapotter.managed", "true")
                .containsEntry("dev.snapotter.spec-version", ContainerSpec.VERSION);
        assertThat(c.getMounts()).extracting(m -> m.getName()).containsExactlyInAnyOrder(
                lifecycle.spec().volumes().get(0).volume(), lifecycle.spec().volumes().get(1).volume());
        assertThat(RealDocker.get(lifecycle.spec().hostPort(), "/api/v1/health")).startsWith("200 ");
    }

    @Test
    @Order(2)
    void logsAreWholeAnsiFreeLinesWithTailAndFollow() throws Exception {
        ContainerLogs logs = new ContainerLogs(real.docker, streams);
        List<LogLine> history = logs.tail(id(), 100, true);
        assertThat(history).anySatisfy(l -> {
            assertThat(l.text()).startsWith("INFO snapotter-test started");
            assertThat(l.source()).isEqualTo(LogLine.Source.STDOUT);
            assertThat(l.timestamp()).isPresent();
        });
        assertThat(history).anySatisfy(l -> {
            assertThat(l.text()).isEqualTo("a line on stderr");
            assertThat(l.source()).isEqualTo(LogLine.Source.STDERR);
        });
        assertThat(history).noneSatisfy(l -> assertThat(l.text()).contains("\u001B"));
        assertThat(logs.tail(id(), 1, false)).hasSize(1);

        List<String> followed = new CopyOnWriteArrayList<>();
        LogStream stream = logs.open(id(), LogRequest.follow(0), l -> followed.add(l.text()));
        try {
            assertThat(streams.openCount()).isEqualTo(1);
            // The leak detector sees the open follow stream, so the @AfterEach check can fail for real.
            await().atMost(Duration.ofSeconds(5)).until(() -> real.http.openResponses().stream()
                    .anyMatch(r -> r.contains("/logs")));
            exec("echo first follow line > /proc/1/fd/1; printf 'split ' > /proc/1/fd/1; "
                    + "printf 'line\\n' > /proc/1/fd/1");
            await().atMost(Duration.ofSeconds(10)).until(() -> followed.contains("split line"));
            assertThat(followed).containsSubsequence("first follow line", "split line");
        } finally {
            stream.close();
        }
        assertThat(streams.openCount()).isZero();
    }

    /**
     * Runs {@code script} in the container and returns only once it has exited with status 0. Without attached
     * streams the engine answers exec start as soon as the process is launched, not when it ends, so the output is
     * attached (the stream closes when the process exits) and the exit code is then polled from exec inspect.
     */
    private static void exec(String script) throws Exception {
        real.exec(id(), script);
    }

    @Test
    @Order(3)
    void statsGiveCpuMemoryAndPidsIntoTheRingBuffer() {
        List<StatsSample> seen = new CopyOnWriteArrayList<>();
        try (StatsCollector stats = StatsCollector.start(new StatsReader(real.docker), streams, id(),
                Duration.ofMillis(200), 5, seen::add)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() >= 2);
            StatsSample last = stats.history().getLast();
            assertThat(last.memoryBytes()).isPositive();
            assertThat(last.memoryLimit()).isEqualTo(256L << 20);
            assertThat(last.pids()).isPositive();
            assertThat(last.cpuPercent()).isBetween(0.0, 100.0 * lifecycle.engineCpus());
            assertThat(stats.history()).hasSizeLessThanOrEqualTo(5);
        }
    }

    @Test
    @Order(4)
    void restartIsSurvivedWithEventsAndTheDataVolumeKept() throws Exception {
        List<ContainerEvent> events = new CopyOnWriteArrayList<>();
        String before = id();
        var subscription = new ContainerEvents(real.docker, streams).subscribe(before, events::add);
        try {
            lifecycle.restart();
            lifecycle.waitHealthy(s -> { });
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events)
                    .extracting(ContainerEvent::kind)
                    .containsSubsequence(ContainerEvent.Kind.DIE, ContainerEvent.Kind.START,
                            ContainerEvent.Kind.HEALTH_STATUS));
            assertThat(events).filteredOn(e -> e.kind() == ContainerEvent.Kind.HEALTH_STATUS)
                    .extracting(e -> e.healthStatus().orElseThrow()).contains("healthy");
        } finally {
            subscription.close();
        }
        assertThat(id()).isEqualTo(before);
        assertThat(RealDocker.get(lifecycle.spec().hostPort(), "/boots")).isEqualTo("200 boot\nboot\n");
    }

    @Test
    @Order(5)
    void updateToABrokenImageRollsBackToThePreviousContainer() throws Exception {
        String before = id();
        ContainerUpdater updater = new ContainerUpdater(lifecycle);
        List<String> steps = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> updater.update(brokenImage, steps::add))
                .isInstanceOf(UpdateRolledBackException.class)
                .hasMessageContaining("unhealthy");

        assertThat(steps).contains("The new container failed; going back to the previous one");
        InspectContainerResponse now = lifecycle.inspect().orElseThrow();
        assertThat(now.getId()).isEqualTo(before);
        assertThat(now.getConfig().getImage()).isEqualTo(goodImage);
        assertThat(lifecycle.health().healthy()).isTrue();
        assertThat(lifecycle.spec().image()).isEqualTo(goodImage);
        assertThat(real.docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of(RealDocker.RUN_LABEL, real.runId)).exec())
                .as("the broken container and the -previous name are gone").hasSize(1);
        assertThat(RealDocker.get(lifecycle.spec().hostPort(), "/boots")).isEqualTo("200 boot\nboot\nboot\nboot\n");
    }

    @Test
    @Order(6)
    void updateToAGoodImageRecreatesWithTheSameVolumesAndPort() throws Exception {
        String before = id();
        int port = lifecycle.spec().hostPort();
        HealthSnapshot healthy = new ContainerUpdater(lifecycle).update(goodImage2, s -> { });
        assertThat(healthy.healthy()).isTrue();
        InspectContainerResponse now = lifecycle.inspect().orElseThrow();
        assertThat(now.getId()).isNotEqualTo(before);
        assertThat(now.getConfig().getImage()).isEqualTo(goodImage2);
        assertThat(lifecycle.spec().hostPort()).isEqualTo(port);
        assertThat(RealDocker.get(port, "/boots")).isEqualTo("200 boot\nboot\nboot\nboot\nboot\n");
        assertThat(real.docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of(RealDocker.RUN_LABEL, real.runId)).exec()).hasSize(1);
    }

    @Test
    @Order(8)
    void readsTheGeneratedAdminPasswordFromTheContainer() throws Exception {
        assertThat(InitialAdminPassword.read(real.docker, id())).isEmpty();
        exec("printf 'Otter-Secret-42\\n' > /data/initial-admin-password");
        assertThat(InitialAdminPassword.read(real.docker, id())).contains("Otter-Secret-42");
    }

    @Test
    @Order(7)
    void aRestartedAppAdoptsTheExistingContainerAndItsPort() {
        int port = lifecycle.spec().hostPort();
        ContainerSpec fresh = lifecycle.spec().withHostPort(ContainerSpec.DEFAULT_PORT);
        ContainerLifecycle again = new ContainerLifecycle(real.docker, fresh,
                new HealthWaiter(Duration.ofSeconds(20), Duration.ofMillis(250)));
        String before = id();
        assertThat(again.startAll(Optional.empty(), s -> { }).healthy()).isTrue();
        assertThat(again.inspect().orElseThrow().getId()).isEqualTo(before);
        assertThat(again.spec().hostPort()).isEqualTo(port);
        assertThat(again.publishedPort()).contains(port);
    }

    @Test
    @Order(10)
    void interruptedUpdateIsRecovered() {
        String good = id();
        String name = lifecycle.spec().name();
        ContainerUpdater updater = new ContainerUpdater(lifecycle);
        // Crash right after "stop + rename": only <name>-previous exists.
        lifecycle.stop();
        real.docker.renameContainerCmd(good).withName(name + "-previous").exec();
        assertThat(lifecycle.inspect()).isEmpty();
        updater.recoverInterruptedUpdate();
        assertThat(id()).isEqualTo(good);

        // Crash after the new container was created but before its health was known: keep the known-good one.
        real.docker.renameContainerCmd(good).withName(name + "-previous").exec();
        String undecided = lifecycle.create();
        updater.recoverInterruptedUpdate();
        assertThat(id()).isEqualTo(good);
        assertThatThrownBy(() -> real.docker.inspectContainerCmd(undecided).exec())
                .isInstanceOf(com.github.dockerjava.api.exception.NotFoundException.class);
        lifecycle.start();
        assertThat(lifecycle.waitHealthy(s -> { }).healthy()).isTrue();
    }

    @Test
    @Order(20)
    void stopAndRemoveKeepTheDataVolumeUnlessAsked() {
        lifecycle.stop();
        assertThat(lifecycle.health().running()).isFalse();
        lifecycle.remove(false);
        assertThat(lifecycle.inspect()).isEmpty();
        String dataVolume = lifecycle.spec().volumes().getFirst().volume();
        assertThat(real.docker.inspectVolumeCmd(dataVolume).exec().getName()).isEqualTo(dataVolume);
        lifecycle.remove(true);
        assertThatThrownBy(() -> real.docker.inspectVolumeCmd(dataVolume).exec())
                .isInstanceOf(com.github.dockerjava.api.exception.NotFoundException.class);
    }
}
