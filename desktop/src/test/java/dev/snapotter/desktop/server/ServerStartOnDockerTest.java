package dev.snapotter.desktop.server;

import atlantafx.base.theme.PrimerLight;
import dev.snapotter.control.docker.DockerPinger;
import dev.snapotter.control.endpoint.DockerEndpointFinder;
import dev.snapotter.control.endpoint.DockerUnavailableException;
import dev.snapotter.control.endpoint.EndpointStrategies;
import dev.snapotter.control.endpoint.HostEnvironment;
import dev.snapotter.control.spec.ContainerSpec;
import dev.snapotter.control.spec.HostPorts;
import dev.snapotter.desktop.task.FxUiThread;
import dev.snapotter.desktop.task.LaneTaskExecutor;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Presses Start in the real Server area on the real Docker daemon and waits for "Healthy". Runs only when a daemon
 * answers and the image {@code container/image/build.sh} builds for this version is loaded; skipped otherwise.
 */
@ExtendWith(ApplicationExtension.class)
class ServerStartOnDockerTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private DockerServerControl control;
    private LaneTaskExecutor executor;
    private ServerArea area;
    private ServerView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        DockerEndpointFinder finder = new DockerEndpointFinder(EndpointStrategies.defaults(Optional.empty()),
                HostEnvironment.system(), new DockerPinger());
        ContainerSpec spec = ContainerSpec.hardened(AppVersion.imageReference())
                .name("snapotter-desktop-it-" + run)
                .dataVolume("snapotter-desktop-it-data-" + run)
                .workspaceVolume("snapotter-desktop-it-work-" + run)
                .label("dev.snapotter.test", "true")
                .label("dev.snapotter.test.run", run)
                .hostPort(HostPorts.choose("127.0.0.1", 23_490))
                .memoryBytes(ContainerSpec.GIB)
                .healthTimings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(60), 3)
                .build();
        control = new DockerServerControl(finder, spec, Optional::empty);
        executor = new LaneTaskExecutor(new FxUiThread(), (n, e) -> { });
        area = new ServerArea(control, executor, Clock.systemUTC());
        view = new ServerView(area);
        stage.setScene(new Scene(view, 1060, 760));
        stage.show();
    }

    @Test
    void startReachesHealthyOnTheRealDaemon(FxRobot robot) throws Exception {
        try {
            control.connect();
        } catch (DockerUnavailableException e) {
            Assumptions.abort("No Docker engine reachable, skipping the real Start test. " + e.getMessage());
        }
        Assumptions.assumeTrue(control.imagePresent(), "Image " + AppVersion.imageReference()
                + " is not loaded; build it with container/image/build.sh to run the real Start test");

        WaitForAsyncUtils.asyncFx(view::shown).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> area.onboarding().readyProperty().get());
        robot.clickOn("#server-start");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                "Healthy".equals(robot.lookup("#health-value").queryAs(Label.class).getText()));
        assertThat(area.server().progress()).contains("Creating the container", "Starting");
        assertThat(robot.lookup("#port-value").queryAs(Label.class).getText()).isEqualTo("127.0.0.1:" + control.port());
        await().atMost(Duration.ofSeconds(30)).until(() -> !area.server().logs().lines().isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> !area.server().stats().isEmpty());
        assertThat(control.openStreamCount()).isEqualTo(2); // logs + stats

        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get();
        WaitForAsyncUtils.asyncFx(view::hidden).get();
        assertThat(control.openStreamCount()).isZero();
    }

    @AfterEach
    void cleanUp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get();
        if (view != null) WaitForAsyncUtils.asyncFx(view::hidden).get();
        executor.close();
        try {
            control.connect();
            control.remove(true); // this run's container and volumes only (unique names)
        } catch (DockerUnavailableException noDocker) {
            // nothing was created
        } finally {
            control.close();
        }
    }
}
