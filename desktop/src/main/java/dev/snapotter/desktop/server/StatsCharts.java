package dev.snapotter.desktop.server;

import dev.snapotter.control.monitor.StatsSample;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** CPU % and memory (MiB) of the last minutes, from the stats ring buffer; x is seconds before the latest sample. */
final class StatsCharts extends HBox {

    private final XYChart.Series<Number, Number> cpu = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> memory = new XYChart.Series<>();

    StatsCharts(ObservableList<StatsSample> samples) {
        super(10);
        setId("server-charts");
        cpu.setName("CPU %");
        memory.setName("Memory MiB");
        LineChart<Number, Number> cpuChart = chart("CPU", cpu);
        cpuChart.setId("cpu-chart");
        LineChart<Number, Number> memChart = chart("Memory", memory);
        memChart.setId("memory-chart");
        HBox.setHgrow(cpuChart, Priority.ALWAYS);
        HBox.setHgrow(memChart, Priority.ALWAYS);
        getChildren().addAll(cpuChart, memChart);
        samples.addListener((ListChangeListener<StatsSample>) c -> redraw(samples));
        redraw(samples);
    }

    private static LineChart<Number, Number> chart(String title, XYChart.Series<Number, Number> series) {
        NumberAxis x = new NumberAxis();
        x.setLabel("seconds ago");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.getData().add(series);
        return chart;
    }

    /** At most the ring buffer's 150 points: rebuilding both series is cheaper than bookkeeping. */
    private void redraw(List<StatsSample> samples) {
        List<XYChart.Data<Number, Number>> c = new ArrayList<>();
        List<XYChart.Data<Number, Number>> m = new ArrayList<>();
        if (!samples.isEmpty()) {
            var latest = samples.getLast().at();
            for (StatsSample s : samples) {
                long ago = -Duration.between(s.at(), latest).toSeconds();
                c.add(new XYChart.Data<>(ago, s.cpuPercent()));
                m.add(new XYChart.Data<>(ago, s.memoryBytes() / (1024.0 * 1024.0)));
            }
        }
        cpu.getData().setAll(c);
        memory.getData().setAll(m);
    }
}
