package dev.snapotter.desktop.server;

import dev.snapotter.control.endpoint.PingResult.Failure;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every onboarding state, reached from the facts a fake Docker reports, and every way out of it. */
class OnboardingViewModelTest {

    private final List<Throwable> unhandled = new ArrayList<>();
    private final FakeServerControl docker = new FakeServerControl();
    private OnboardingViewModel vm;
    private final List<OnboardingState> seen = new ArrayList<>();

    @BeforeEach
    void setUp() {
        vm = new OnboardingViewModel(docker, new DirectTaskExecutor((name, e) -> unhandled.add(e)));
        vm.stateProperty().addListener((o, a, s) -> seen.add(s));
    }

    @ParameterizedTest
    @EnumSource(OnboardingState.class)
    void everyStateExplainsItselfAndSaysWhatToDo(OnboardingState state) {
        assertThat(state.title()).isNotBlank();
        assertThat(state.explanation()).isNotBlank().isNotEqualTo(state.fix());
        assertThat(state.fix()).isNotBlank();
    }

    @Test
    void startsCheckingAndPassesThroughCheckingOnEveryCheck() {
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.CHECKING);
        vm.checkAgain();
        vm.checkAgain();
        assertThat(seen).containsExactly(OnboardingState.READY, OnboardingState.CHECKING, OnboardingState.READY);
    }

    @Test
    void noCandidateAtAllMeansDockerIsNotInstalled() {
        docker.unavailable = FakeServerControl.failure();
        vm.checkAgain();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.DOCKER_NOT_INSTALLED);
        assertThat(vm.fixProperty().getValue()).contains("apt-get install docker.io");
        assertThat(vm.detailsProperty().get()).contains("DOCKER_HOST: not set");
        assertThat(vm.readyProperty().get()).isFalse();
    }

    @Test
    void aSilentSocketMeansTheDaemonIsNotRunning() {
        docker.unavailable = FakeServerControl.failure(Failure.NOT_RUNNING);
        vm.checkAgain();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.DAEMON_NOT_RUNNING);
        assertThat(vm.fixProperty().getValue()).contains("systemctl start docker");
        assertThat(vm.detailsProperty().get()).contains("/run/user/1000/docker.sock").contains("connection refused");
    }

    @Test
    void aPermissionProblemWinsOverOtherFailuresAndPointsToTheDockerGroup() {
        docker.unavailable = FakeServerControl.failure(Failure.NOT_RUNNING, Failure.NO_PERMISSION, Failure.ERROR);
        vm.checkAgain();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.NO_PERMISSION);
        assertThat(vm.fixProperty().getValue()).contains("usermod -aG docker");
    }

    @Test
    void anythingElseIsADockerErrorWithTheReason() {
        docker.unavailable = FakeServerControl.failure(Failure.ERROR);
        vm.checkAgain();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.DOCKER_ERROR);

        docker.unavailable = null;
        docker.connectError = new IllegalStateException("TLS handshake failed");
        vm.checkAgain();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.DOCKER_ERROR);
        assertThat(vm.detailsProperty().get()).contains("TLS handshake failed");
        assertThat(unhandled).isEmpty();
    }

    @Test
    void checkAgainMovesOnOnceTheUserFixedTheProblem() {
        docker.unavailable = FakeServerControl.failure(Failure.NOT_RUNNING);
        vm.checkAgain();
        docker.unavailable = null;
        vm.checkAgain();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.READY);
        assertThat(vm.readyProperty().get()).isTrue();
    }

    @Test
    void aMissingImageIsLoadedFromTheBundledArchive() {
        docker.imagePresent = false;
        docker.bundled = Optional.of(Path.of("/opt/snapotter/snapotter-image-0.1.0.tar"));
        vm.checkAgain();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.IMAGE_MISSING);
        assertThat(vm.bundledImageAvailable()).isTrue();
        assertThat(vm.detailsProperty().get()).contains("snapotter-image-0.1.0.tar");

        seen.clear();
        vm.loadBundledImage();
        assertThat(seen).containsExactly(OnboardingState.LOADING_IMAGE, OnboardingState.CHECKING, OnboardingState.READY);
        assertThat(docker.loaded).containsExactly(Path.of("/opt/snapotter/snapotter-image-0.1.0.tar"));
    }

    @Test
    void withoutABundledArchiveTheUserPicksATarFile() {
        docker.imagePresent = false;
        vm.checkAgain();
        assertThat(vm.bundledImageAvailable()).isFalse();
        assertThat(vm.detailsProperty().get()).contains("pick the file yourself");
        vm.loadBundledImage();
        assertThat(vm.errorProperty().get()).contains("Pick image file");
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.IMAGE_MISSING);

        vm.loadImage(Path.of("/home/me/Downloads/snapotter-image-0.1.0.tar"));
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.READY);
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aDamagedArchiveSaysWhyAndStaysOnImageMissing() {
        docker.imagePresent = false;
        docker.loadFailure = "unexpected EOF";
        vm.checkAgain();
        vm.loadImage(Path.of("broken.tar"));
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.IMAGE_MISSING);
        assertThat(vm.errorProperty().get()).contains("broken.tar").contains("unexpected EOF");
        assertThat(docker.imagePresent).isFalse();
        assertThat(unhandled).isEmpty();
    }

    @Test
    void loadingIsOnlyOfferedWhileTheImageIsMissing() {
        vm.checkAgain();
        vm.loadImage(Path.of("x.tar"));
        assertThat(docker.calls).doesNotContain("load x.tar");
    }

    @Test
    void aBusyPortOffersTheNextFreeOneAndUsesItWhenAccepted() {
        docker.busyPorts.addAll(List.of(1349, 1350));
        vm.checkAgain();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.PORT_BUSY);
        assertThat(vm.freePortProperty().get()).isEqualTo(1351);
        assertThat(vm.detailsProperty().get()).contains("1349").contains("1351");

        vm.useFreePort();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.READY);
        assertThat(docker.port()).isEqualTo(1351);
    }

    @Test
    void anExistingContainerOwnsItsPortSoABusyPortIsNoProblem() {
        docker.busyPorts.add(1349);
        docker.containerExists = true;
        vm.checkAgain();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.READY);
    }

    private final FakeProcessRunner processes = new FakeProcessRunner();
    private final Path script = Path.of("/src/snapotter/container/image/build.sh");

    private OnboardingViewModel withBuild() {
        OnboardingViewModel built = new OnboardingViewModel(docker, new DirectTaskExecutor((name, e) -> unhandled.add(e)),
                Optional.of(new ImageBuilder(script, processes)));
        built.stateProperty().addListener((o, a, s) -> seen.add(s));
        return built;
    }

    @Test
    void anInstalledAppOffersNoBuildAndPointsToTheKit() {
        docker.imagePresent = false;
        vm.checkAgain();
        assertThat(vm.buildAvailable()).isFalse();
        assertThat(vm.fixProperty().getValue()).contains("offline kit").doesNotContain("Build image").doesNotContain("build.sh");
        vm.buildImage();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.IMAGE_MISSING);
    }

    @Test
    void aSuccessfulBuildStreamsItsOutputAndChecksAgain() {
        vm = withBuild();
        docker.imagePresent = false;
        vm.checkAgain();
        assertThat(vm.buildAvailable()).isTrue();
        assertThat(vm.fixProperty().getValue()).contains("Build image").contains("container/image/build.sh");
        processes.lines.addAll(List.of("[build.sh] base image cached", "[build.sh] docker build", "Successfully tagged snapotter/snapotter:test"));
        List<String> detailsSeen = new ArrayList<>();
        vm.detailsProperty().addListener((o, a, d) -> detailsSeen.add(d));
        processes.onSuccessfulExit = () -> docker.imagePresent = true;

        seen.clear();
        vm.buildImage();
        assertThat(processes.started).containsExactly(List.of("bash", script.toString()));
        assertThat(processes.workDirs).containsExactly(Path.of("/src/snapotter"));
        assertThat(detailsSeen).contains("[build.sh] base image cached", "[build.sh] base image cached\n[build.sh] docker build");
        assertThat(seen).containsExactly(OnboardingState.BUILDING_IMAGE, OnboardingState.CHECKING, OnboardingState.READY);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.buildRunning()).isFalse();
        assertThat(processes.destroyed).isZero();
        assertThat(unhandled).isEmpty();
    }

    @Test
    void aFailedBuildQuotesTheExitCodeAndTheLastLines() {
        vm = withBuild();
        docker.imagePresent = false;
        vm.checkAgain();
        for (int i = 1; i <= 20; i++) processes.lines.add("line " + i);
        processes.lines.add("[build.sh] ERROR: the docker CLI is not installed.");
        processes.exitCode = 1;

        vm.buildImage();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.IMAGE_MISSING);
        assertThat(vm.errorProperty().get()).contains("exit code 1").contains("line 20")
                .contains("[build.sh] ERROR: the docker CLI is not installed.").doesNotContain("line 1\n");
        assertThat(vm.detailsProperty().get()).startsWith("line 1\n").endsWith("not installed."); // the whole output stays
        assertThat(docker.calls).containsOnlyOnce("connect"); // no re-check after a failure
        assertThat(unhandled).isEmpty();

        // it can be tried again after fixing the cause
        processes.exitCode = 0;
        processes.onSuccessfulExit = () -> docker.imagePresent = true;
        vm.buildImage();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.READY);
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void cancellingABuildDestroysTheProcessAndStaysOnImageMissing() {
        vm = withBuild();
        docker.imagePresent = false;
        vm.checkAgain();
        processes.lines.addAll(List.of("step 1", "step 2", "step 3", "step 4"));
        processes.onLine = i -> {
            if (i == 1) {
                assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.BUILDING_IMAGE);
                assertThat(vm.buildRunning()).isTrue();
                vm.cancelBuild(); // the user presses "Cancel build" while step 2 is printed
            }
        };

        vm.buildImage();
        assertThat(processes.destroyed).isPositive();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.IMAGE_MISSING);
        assertThat(vm.errorProperty().get()).contains("cancelled");
        assertThat(vm.detailsProperty().get()).doesNotContain("step 3");
        assertThat(vm.buildRunning()).isFalse();
        assertThat(docker.calls).containsOnlyOnce("connect");
        assertThat(unhandled).isEmpty();
        vm.cancelBuild(); // nothing running: a no-op
    }

    @Test
    void aScriptThatCannotStartSaysWhy() {
        ProcessRunner broken = (command, dir) -> {
            throw new java.io.IOException("Cannot run program \"bash\"");
        };
        vm = new OnboardingViewModel(docker, new DirectTaskExecutor((name, e) -> unhandled.add(e)),
                Optional.of(new ImageBuilder(script, broken)));
        docker.imagePresent = false;
        vm.checkAgain();
        vm.buildImage();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.IMAGE_MISSING);
        assertThat(vm.errorProperty().get()).contains("could not run").contains("Cannot run program");
        assertThat(unhandled).isEmpty();
    }

    @Test
    void buildingIsOnlyOfferedWhileTheImageIsMissing() {
        vm = withBuild();
        vm.checkAgain();
        vm.buildImage();
        assertThat(processes.started).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo(OnboardingState.READY);
    }

    @Test
    void checkingAndLoadingAreNotSettledSoActionsWait() {
        assertThat(OnboardingState.CHECKING.settled()).isFalse();
        assertThat(OnboardingState.LOADING_IMAGE.settled()).isFalse();
        assertThat(OnboardingState.BUILDING_IMAGE.settled()).isFalse();
        assertThat(OnboardingState.PORT_BUSY.settled()).isTrue();
    }
}
