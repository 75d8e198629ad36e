package dev.snapotter.desktop.server;

import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.control.monitor.StatsSample;
import dev.snapotter.desktop.settings.ServerSettingsStore;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The CPU and memory charts plot exactly the stats stream's samples (x = seconds before the newest, memory in MiB)
 * and keep only the last {@link ServerViewModel#STATS_POINTS} of them (five minutes at one sample every 2 s).
 */
@ExtendWith(ApplicationExtension.class)
class ServerChartsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final int SENT = ServerViewModel.STATS_POINTS + 10;

    private final List<Throwable> unhandled = new ArrayList<>();
    private final FakeServerControl docker = new FakeServerControl();
    private ServerView view;

    private static StatsSample sample(int i) {
        return new StatsSample(T0.plusSeconds(2L * i), 1.5 + 0.25 * i, ((200L + i) << 20) + (512L << 10), 1L << 30, 12);
    }

    @Start
    void start(Stage stage) throws java.io.IOException {
        Path appDir = Files.createTempDirectory("snapotter-charts-");
        docker.containerExists = true;
        docker.running = true;
        for (int i = 0; i < SENT; i++) docker.samples.add(sample(i));
        ServerArea area = new ServerArea(docker, new DirectTaskExecutor((n, e) -> unhandled.add(e)), Clock.systemUTC(),
                new ServerSettingsStore(appDir.resolve("server-settings.json")),
                new ApiKeyStore(appDir.resolve(ApiKeyStore.FILE_NAME)),
                port -> dev.snapotter.control.api.SnapOtterApi.local(1));
        view = new ServerView(area);
        stage.setScene(new Scene(view, 1060, 760));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private static List<XYChart.Data<Number, Number>> points(FxRobot robot, String chart) {
        LineChart<Number, Number> c = robot.lookup(chart).queryAs(LineChart.class);
        assertThat(c.getData()).hasSize(1);
        return List.copyOf(c.getData().getFirst().getData());
    }

    /** The charts show samples {@code first..last} of {@link #sample(int)}, the newest at x = 0. */
    private static void assertPlotted(FxRobot robot, int first, int last) {
        List<XYChart.Data<Number, Number>> cpu = points(robot, "#cpu-chart");
        List<XYChart.Data<Number, Number>> memory = points(robot, "#memory-chart");
        int n = last - first + 1;
        assertThat(cpu).hasSize(n);
        assertThat(memory).hasSize(n);
        for (int j = 0; j < n; j++) {
            StatsSample s = sample(first + j);
            long ago = -2L * (last - (first + j));
            assertThat(cpu.get(j).getXValue().longValue()).as("cpu x of point %d", j).isEqualTo(ago);
            assertThat(cpu.get(j).getYValue().doubleValue()).as("cpu y of point %d", j).isEqualTo(s.cpuPercent());
            assertThat(memory.get(j).getXValue().longValue()).as("memory x of point %d", j).isEqualTo(ago);
            assertThat(memory.get(j).getYValue().doubleValue()).as("memory MiB of point %d", j)
                    .isCloseTo(200.5 + first + j, within(1e-9));
        }
    }

    @Test
    void theChartsPlotTheSamplesAndDropThoseOlderThanTheWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(view::shown).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.TabPane) view.lookup("#server-tabs"))
                .getSelectionModel().select(1)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(docker.statsSink).as("the stats stream is open").isNotNull();
        // 160 samples sent, the 150 newest kept: the first 10 never reach the chart.
        assertPlotted(robot, SENT - ServerViewModel.STATS_POINTS, SENT - 1);
        assertThat(points(robot, "#cpu-chart").getFirst().getXValue().longValue()).isEqualTo(-298);

        // One more sample arrives: the oldest plotted point goes, the new one is at x = 0.
        WaitForAsyncUtils.asyncFx(() -> docker.statsSink.accept(sample(SENT))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertPlotted(robot, SENT + 1 - ServerViewModel.STATS_POINTS, SENT);
        assertThat(points(robot, "#cpu-chart").getLast().getYValue().doubleValue()).isEqualTo(1.5 + 0.25 * SENT);
        assertThat(unhandled).isEmpty();
    }
}
