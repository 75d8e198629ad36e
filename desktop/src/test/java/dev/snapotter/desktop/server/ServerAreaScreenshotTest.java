package dev.snapotter.desktop.server;

import dev.snapotter.desktop.support.FxSnapshots;
import atlantafx.base.theme.PrimerLight;
import dev.snapotter.control.endpoint.PingResult;
import dev.snapotter.control.monitor.LogLine;
import dev.snapotter.control.monitor.StatsSample;
import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.desktop.settings.ServerSettingsStore;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Server area rendered headless over a scripted Docker: an onboarding state, then a healthy server. */
@ExtendWith(ApplicationExtension.class)
class ServerAreaScreenshotTest {

    private final List<Throwable> unhandled = new ArrayList<>();
    private final FakeServerControl docker = new FakeServerControl();
    private Stage stage;
    private ServerView view;
    private ServerArea area;
    private Path appDir;
    private com.sun.net.httpserver.HttpServer auth;

    private ServerArea area() {
        return area;
    }

    @Start
    void start(Stage stage) throws java.io.IOException {
        this.stage = stage;
        appDir = Files.createTempDirectory("snapotter-screenshot-");
        // The first-start check after "Healthy" asks the server whether sign-in is on: a loopback stand-in answers.
        auth = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(
                java.net.InetAddress.getLoopbackAddress(), 0), 0);
        auth.createContext("/api/v1/config/auth", ex -> {
            byte[] body = "{\"authEnabled\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        auth.start();
        docker.initialPassword = Optional.of("Generated-Once-1");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Instant now = Instant.parse("2026-01-01T11:02:03Z");
        docker.unavailable = FakeServerControl.failure(PingResult.Failure.NO_PERMISSION);
        docker.startedAt = now.minusSeconds(3725);
        String[] lines = {"Starting SnapOtter server 0.1.0", "Database migrated (schema 4)", "Initial admin password written to /data/initial-admin-password",
                "Listening on 0.0.0.0:1349", "GET /api/v1/health 200 2 ms", "POST /api/v1/tools/resize 200 184 ms",
                "WARN upload larger than 50 MB refused", "GET /api/v1/health 200 1 ms"};
        for (int i = 0; i < lines.length; i++) {
            docker.logLines.add(new LogLine(i == 6 ? LogLine.Source.STDERR : LogLine.Source.STDOUT,
                    Optional.of(now.minusSeconds(60L - i)), lines[i]));
        }
        for (int i = 0; i < 60; i++) {
            docker.samples.add(new StatsSample(now.minusSeconds(120 - 2L * i), 4 + 30 * Math.abs(Math.sin(i / 6.0)),
                    (420L + i * 3L) << 20, 6L << 30, 40));
        }
        area = new ServerArea(docker, new DirectTaskExecutor((n, e) -> unhandled.add(e)),
                Clock.fixed(now, ZoneOffset.UTC), new ServerSettingsStore(appDir.resolve("server-settings.json")),
                new ApiKeyStore(appDir.resolve(ApiKeyStore.FILE_NAME)),
                port -> dev.snapotter.control.api.SnapOtterApi.local(auth.getAddress().getPort()));
        view = new ServerView(area);
        stage.setScene(new Scene(view, 1060, 760));
        stage.show();
    }

    @Test
    void rendersOnboardingThenAHealthyServerAndSavesTheScreenshot(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(view::shown).get();
        assertThat(robot.lookup("#onboarding-title").queryAs(Label.class).getText()).isEqualTo("No permission to use Docker");
        assertThat(robot.lookup("#onboarding-card").query().isVisible()).isTrue();
        assertThat(robot.lookup("#server-running").query().isVisible()).isFalse();
        FxSnapshots.save(stage, FxSnapshots.docsImages().resolve("server-onboarding.png"));

        docker.unavailable = null;
        robot.clickOn("#check-again");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#server-running").query().isVisible()).isTrue();
        assertThat(robot.lookup("#health-value").queryAs(Label.class).getText()).isEqualTo("Not created");

        robot.clickOn("#server-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#health-value").queryAs(Label.class).getText()).isEqualTo("Healthy");
        assertThat(robot.lookup("#uptime-value").queryAs(Label.class).getText()).isEqualTo("1 h 2 min");
        assertThat(robot.lookup("#port-value").queryAs(Label.class).getText()).isEqualTo("127.0.0.1:" + docker.port);
        assertThat(area.firstStart().stateProperty().get()).isEqualTo(FirstStartState.NEEDS_NEW_PASSWORD);
        assertThat(robot.lookup("#first-start").query().isVisible()).isTrue();

        assertThat(area.server().logs().followProperty().get()).isTrue();
        // A wheel turned away from the user: JavaFX reports positive deltaY for "scroll up".
        javafx.scene.Node logList = robot.lookup("#server-log-list").query();
        WaitForAsyncUtils.asyncFx(() -> javafx.event.Event.fireEvent(logList, new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false, false,
                0, 40, 0, 40, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null))).get();
        assertThat(area.server().logs().followProperty().get()).as("scrolling up pauses follow").isFalse();
        robot.clickOn("#log-follow");
        assertThat(area.server().logs().followProperty().get()).isTrue();

        Path out = FxSnapshots.docsImages().resolve("server.png");
        FxSnapshots.save(stage, out);
        assertThat(Files.size(out)).isGreaterThan(10_000);
        assertThat(view.lookupAll(".chart-series-line")).hasSize(2);
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.TabPane) view.lookup("#server-tabs"))
                .getSelectionModel().select(1)).get();
        WaitForAsyncUtils.waitForFxEvents();
        FxSnapshots.save(stage, FxSnapshots.docsImages().resolve("server-charts.png"));
        assertThat(area().server().progress().getLast()).isEqualTo("Healthy on 127.0.0.1:" + docker.port);

        // Settings: a CPU count above the engine's is clamped; a container exists, so Recreate is offered.
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.TabPane) view.lookup("#server-tabs"))
                .getSelectionModel().select(2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            ((javafx.scene.control.TextField) view.lookup("#settings-cpus")).setText("8");
            ((javafx.scene.control.TextField) view.lookup("#settings-memory")).setText("4");
            ((javafx.scene.control.Button) view.lookup("#settings-save")).fire();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.settings().messageProperty().get()).as(area.settings().errorProperty().get()).contains("CPUs clamped to 2")
                .contains("keeps its old settings until it is recreated");
        assertThat(docker.spec.cpus()).isEqualTo(2);
        assertThat(docker.spec.memoryBytes()).isEqualTo(4L << 30);
        assertThat(robot.lookup("#settings-recreate").query().isVisible()).isTrue();

        // Update with a new image that never gets healthy: rolled back, and the window says why.
        docker.updateFailure = "the health check failed 3 times (exit 1: connection refused)";
        WaitForAsyncUtils.asyncFx(() -> area.server().update(Path.of("snapotter-image-0.2.0.tar"))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.server().progress().getLast()).startsWith("Failed: Rolled back because the health check failed");
        assertThat(robot.lookup("#server-error").queryAs(Label.class).getText()).contains("previous version runs again");
        WaitForAsyncUtils.asyncFx(() -> stage.setHeight(900)).get();
        WaitForAsyncUtils.waitForFxEvents();
        FxSnapshots.save(stage, FxSnapshots.docsImages().resolve("server-settings-update.png"));

        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get();
        WaitForAsyncUtils.asyncFx(view::hidden).get();
        assertThat(docker.openStreams).isZero();
        assertThat(unhandled).isEmpty();
        auth.stop(0);
    }
}
