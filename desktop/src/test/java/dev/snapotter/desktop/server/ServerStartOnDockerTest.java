package dev.snapotter.desktop.server;

import atlantafx.base.theme.PrimerLight;
import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.control.docker.DockerPinger;
import dev.snapotter.control.endpoint.DockerEndpointFinder;
import dev.snapotter.control.endpoint.DockerUnavailableException;
import dev.snapotter.control.endpoint.EndpointStrategies;
import dev.snapotter.control.endpoint.HostEnvironment;
import dev.snapotter.control.spec.ContainerSpec;
import dev.snapotter.control.spec.HostPorts;
import dev.snapotter.desktop.settings.ServerSettingsStore;
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
    private java.nio.file.Path appDir;
    private ApiKeyStore keys;

    @Start
    void start(Stage stage) throws java.io.IOException {
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
        appDir = java.nio.file.Files.createTempDirectory("snapotter-desktop-it-");
        keys = new ApiKeyStore(appDir.resolve(ApiKeyStore.FILE_NAME));
        area = new ServerArea(control, executor, Clock.systemUTC(),
                new ServerSettingsStore(appDir.resolve("server-settings.json")), keys);
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
        boolean present = control.imagePresent();
        String missing = "Image " + AppVersion.imageReference() + " is not loaded; build it with container/image/build.sh to run the real Start test";
        // CI builds the image in the container/image module, which the reactor runs before the desktop.
        if ("true".equalsIgnoreCase(System.getenv("CI"))) assertThat(present).as(missing).isTrue();
        Assumptions.assumeTrue(present, missing);

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

        firstStartWalkThroughAndTheLocalContainerBackend(robot);

        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get();
        WaitForAsyncUtils.asyncFx(view::hidden).get();
        assertThat(control.openStreamCount()).isZero();
    }

    /**
     * First start on the real container: the generated password is read out of it, replaced by the user's, the
     * desktop's own key lands in a 0600 file, and the "Local container" backend processes an image with it.
     */
    private void firstStartWalkThroughAndTheLocalContainerBackend(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                area.firstStart().stateProperty().get() == FirstStartState.NEEDS_NEW_PASSWORD);
        assertThat(robot.lookup("#first-start").query().isVisible()).isTrue();
        WaitForAsyncUtils.asyncFx(() -> {
            ((javafx.scene.control.PasswordField) view.lookup("#first-start-password")).setText("Otter-Desk-2026");
            ((javafx.scene.control.PasswordField) view.lookup("#first-start-repeat")).setText("Otter-Desk-2026");
            ((javafx.scene.control.Button) view.lookup("#first-start-submit")).fire();
        }).get();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                area.firstStart().stateProperty().get() == FirstStartState.SIGNED_IN);
        assertThat(area.firstStart().errorProperty().get()).isEmpty();
        assertThat(java.nio.file.Files.getPosixFilePermissions(keys.file()))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(control.initialAdminPassword()).as("the server forgot the generated password").isEmpty();
        saveTheRealServerArea(robot);

        dev.snapotter.desktop.backend.ServerBackend backend = new dev.snapotter.desktop.backend.ServerBackend(
                dev.snapotter.desktop.backend.BackendKind.LOCAL_CONTAINER, new LocalContainerConnector(control, keys),
                new dev.snapotter.desktop.backend.LocalEngineBackend(dev.snapotter.engine.ImageEngine.createDefault()));
        assertThat(backend.refresh()).isEmpty();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.nio.file.Path in = appDir.resolve("photo.png");
        javax.imageio.ImageIO.write(img, "png", in.toFile());
        var result = backend.runBatch(new dev.snapotter.desktop.backend.BatchJob(java.util.List.of(in),
                new dev.snapotter.engine.pipeline.Pipeline(java.util.List.of(new dev.snapotter.engine.pipeline.PipelineStep(
                        "resize", java.util.Map.of("width", 16)))), appDir.resolve("out"), "{name}-small.{ext}",
                dev.snapotter.engine.batch.ConflictPolicy.RENAME), dev.snapotter.engine.batch.BatchListener.NONE,
                new dev.snapotter.engine.batch.CancellationToken());
        assertThat(result.failures()).isEmpty();
        assertThat(javax.imageio.ImageIO.read(appDir.resolve("out").resolve("photo-small.png").toFile()).getWidth())
                .isEqualTo(16);

        updateFromAnArchiveKeepsTheData(backend);
    }

    /**
     * The docs' screenshot of the Server area as it looks on the real daemon: healthy, signed in, with the
     * container's own log lines and a few real CPU/memory samples (the stats stream sends one every ~2 s).
     */
    private void saveTheRealServerArea(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> area.server().stats().size() >= 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> !robot.lookup("#first-start").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#health-value").queryAs(Label.class).getText()).isEqualTo("Healthy");
        assertThat(robot.lookup("#server-log-list").queryListView().getItems()).isNotEmpty();
        java.nio.file.Path out = dev.snapotter.desktop.support.FxSnapshots.docsImages().resolve("server-area-real.png");
        dev.snapotter.desktop.support.FxSnapshots.save(stage, out);
        assertThat(java.nio.file.Files.size(out)).isGreaterThan(10_000);
    }

    /**
     * Update from an image archive (this version's image saved under a run-specific tag, so the shared tag is never
     * touched): the daemon's message names the image, the container is recreated from it with the same volumes and
     * port, and the desktop's key — stored in the database on the data volume — still works afterwards.
     */
    private void updateFromAnArchiveKeepsTheData(dev.snapotter.desktop.backend.ServerBackend backend) throws Exception {
        String tag = "desktop-it-" + run;
        java.nio.file.Path tar = appDir.resolve("update.tar");
        try (com.github.dockerjava.api.DockerClient docker = dev.snapotter.control.docker.DockerClients.create(
                control.connect().endpoint())) {
            docker.tagImageCmd(AppVersion.imageReference(), "snapotter/snapotter", tag).exec();
            try (java.io.InputStream saved = docker.saveImageCmd("snapotter/snapotter:" + tag).exec()) {
                java.nio.file.Files.copy(saved, tar);
            }
            docker.removeImageCmd("snapotter/snapotter:" + tag).withNoPrune(true).exec();
            int portBefore = control.port();
            java.util.List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
            control.update(tar, steps::add);
            assertThat(steps).contains("Loaded image: snapotter/snapotter:" + tag);
            ServerStatus after = control.status().orElseThrow();
            assertThat(after.image()).isEqualTo("snapotter/snapotter:" + tag);
            assertThat(after.health().healthy()).isTrue();
            assertThat(after.port()).isEqualTo(portBefore);
            assertThat(backend.refresh()).as("the key in the kept database still works").isEmpty();
        } finally {
            try (com.github.dockerjava.api.DockerClient docker = dev.snapotter.control.docker.DockerClients.create(
                    control.connect().endpoint())) {
                control.remove(false); // the container uses the run tag; the volumes go in cleanUp
                docker.removeImageCmd("snapotter/snapotter:" + tag).withNoPrune(true).exec();
            } catch (com.github.dockerjava.api.exception.NotFoundException alreadyGone) {
                // untagged above already
            }
        }
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
            if (appDir != null) {
                try (var files = java.nio.file.Files.walk(appDir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
