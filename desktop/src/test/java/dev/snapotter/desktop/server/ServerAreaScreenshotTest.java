package dev.snapotter.desktop.server;

import atlantafx.base.theme.PrimerLight;
import dev.snapotter.control.endpoint.PingResult;
import dev.snapotter.control.monitor.LogLine;
import dev.snapotter.control.monitor.StatsSample;
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

    private ServerArea area() {
        return area;
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
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
                Clock.fixed(now, ZoneOffset.UTC));
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
        assertThat(robot.lookup("#port-value").queryAs(Label.class).getText()).isEqualTo("127.0.0.1:1349");

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
        assertThat(area().server().progress().getLast()).isEqualTo("Healthy on 127.0.0.1:1349");

        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get();
        WaitForAsyncUtils.asyncFx(view::hidden).get();
        assertThat(docker.openStreams).isZero();
        assertThat(unhandled).isEmpty();
    }
}
