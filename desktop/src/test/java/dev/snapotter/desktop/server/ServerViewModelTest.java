package dev.snapotter.desktop.server;

import dev.snapotter.control.monitor.LogLine;
import dev.snapotter.control.monitor.StatsSample;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServerViewModelTest {

    private final List<Throwable> unhandled = new ArrayList<>();
    private final FakeServerControl docker = new FakeServerControl();
    private final DirectTaskExecutor executor = new DirectTaskExecutor((n, e) -> unhandled.add(e));
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T11:02:03Z"), ZoneOffset.UTC);
    private ServerViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new ServerViewModel(docker, executor, clock);
        docker.logLines.add(new LogLine(LogLine.Source.STDOUT, Optional.empty(), "server listening on 1349"));
        docker.samples.add(new StatsSample(Instant.parse("2026-01-01T11:02:00Z"), 12.5, 300L << 20, 6L << 30, 31));
    }

    @Test
    void beforeAnyContainerExistsTheCardSaysSo() {
        vm.open();
        assertThat(vm.healthProperty().get()).isEqualTo("Not created");
        assertThat(vm.portProperty().get()).isEqualTo("1349");
        assertThat(vm.existsProperty().get()).isFalse();
        assertThat(docker.openStreams).isZero();
    }

    @Test
    void startShowsEveryStepThenTheHealthyCardAndFollowsLogsAndStats() {
        vm.open();
        vm.start();
        assertThat(vm.progress()).startsWith("Checking the image", "Creating the container", "Starting", "Health: healthy");
        assertThat(vm.healthProperty().get()).isEqualTo("Healthy");
        assertThat(vm.healthyProperty().get()).isTrue();
        assertThat(vm.lastProbeProperty().get()).isEqualTo("exit 0: {\"status\":\"ok\"}");
        assertThat(vm.uptimeProperty().get()).isEqualTo("1 h 2 min");
        assertThat(vm.versionProperty().get()).isEqualTo("0.1.0");
        assertThat(vm.volumeProperty().get()).isEqualTo("snapotter-data");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.streamsOpen()).isTrue();
        assertThat(vm.logs().lines()).extracting(LogLine::text).containsExactly("server listening on 1349");
        assertThat(vm.stats()).hasSize(1);
        assertThat(unhandled).isEmpty();
    }

    @Test
    void aFailedStartShowsTheReasonAndLeavesTheButtonUsable() {
        docker.startFailure = new IllegalStateException("The container became unhealthy: exit 7");
        vm.open();
        vm.start();
        assertThat(vm.errorProperty().get()).contains("unhealthy: exit 7");
        assertThat(vm.progress().getLast()).startsWith("Failed:");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(unhandled).isEmpty();
    }

    @Test
    void stopClosesTheStreamsAndRestartReopensThem() {
        vm.open();
        vm.start();
        vm.stop();
        assertThat(docker.calls).contains("stop");
        assertThat(vm.healthProperty().get()).startsWith("Stopped");
        assertThat(vm.streamsOpen()).isFalse();
        assertThat(docker.openStreams).isZero();

        vm.restart();
        assertThat(docker.calls).contains("restart");
        assertThat(vm.streamsOpen()).isTrue();
    }

    @Test
    void removeKeepsTheDataUnlessExplicitlyAsked() {
        vm.open();
        vm.start();
        vm.remove(false);
        assertThat(docker.calls).contains("remove deleteData=false");
        assertThat(vm.progress().getLast()).contains("data kept in volume snapotter-data");
        assertThat(vm.existsProperty().get()).isFalse();

        vm.start();
        vm.remove(true);
        assertThat(docker.calls).contains("remove deleteData=true");
    }

    @Test
    void closingTheAreaStopsTheTimerAndClosesEveryStream() {
        vm.open();
        vm.start();
        assertThat(docker.openStreams).isEqualTo(2);
        vm.close();
        assertThat(docker.openStreams).isZero();
        assertThat(vm.streamsOpen()).isFalse();
        assertThat(executor.runScheduled()).isZero(); // the refresh tick was cancelled
    }

    @Test
    void theRefreshTimerKeepsTheCardCurrentWhileOpen() {
        vm.open();
        docker.containerExists = true;
        docker.running = true;
        assertThat(executor.runScheduled()).isEqualTo(1);
        assertThat(vm.healthProperty().get()).isEqualTo("Healthy");
        assertThat(executor.runScheduled()).isEqualTo(1); // rescheduled itself
    }

    @Test
    void uptimeIsWrittenForPeople() {
        assertThat(ServerViewModel.human(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(ServerViewModel.human(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(ServerViewModel.human(Duration.ofHours(50))).isEqualTo("2 d 2 h");
    }
}
