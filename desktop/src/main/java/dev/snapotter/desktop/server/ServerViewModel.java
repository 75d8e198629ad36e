package dev.snapotter.desktop.server;

import dev.snapotter.control.lifecycle.HealthSnapshot;
import dev.snapotter.control.lifecycle.ProbeResult;
import dev.snapotter.control.monitor.LogLine;
import dev.snapotter.control.monitor.StatsSample;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import dev.snapotter.desktop.task.TaskHandle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The running side of the Server area: Start (with step-by-step progress), Stop, Restart, Remove, the status card,
 * and the log and stats streams. {@link #open()} when the area is shown, {@link #close()} when it is hidden: close
 * cancels the refresh timer and closes every stream.
 */
public final class ServerViewModel {

    static final Duration REFRESH = Duration.ofSeconds(5);
    static final int STATS_POINTS = 150;

    private final ServerControl control;
    private final TaskExecutor executor;
    private final Clock clock;
    private final LogsViewModel logs = new LogsViewModel();
    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final ObservableList<StatsSample> stats = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty exists = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty healthy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty health = new SimpleStringProperty("Unknown");
    private final StringProperty lastProbe = new SimpleStringProperty("");
    private final StringProperty uptime = new SimpleStringProperty("-");
    private final StringProperty version = new SimpleStringProperty("-");
    private final StringProperty port = new SimpleStringProperty("-");
    private final StringProperty image = new SimpleStringProperty("-");
    private final StringProperty volume = new SimpleStringProperty("-");
    private final List<LogLine> pendingLines = new ArrayList<>();
    private Optional<ServerStatus> last = Optional.empty();
    private TaskHandle ticker = TaskHandle.DONE;
    private boolean open;
    private boolean streamsOpen;

    public ServerViewModel(ServerControl control, TaskExecutor executor, Clock clock) {
        this.control = control;
        this.executor = executor;
        this.clock = clock;
    }

    /** The area became visible: show the current state, keep it fresh, follow logs and stats if running. */
    public void open() {
        if (open) return;
        open = true;
        refresh();
        scheduleTick();
    }

    /** The area was hidden or the window closed: no timer, no stream stays open. */
    public void close() {
        open = false;
        ticker.cancel();
        streamsOpen = false;
        control.closeStreams();
    }

    private void scheduleTick() {
        ticker = executor.schedule(REFRESH, () -> {
            if (!open) return;
            refresh();
            scheduleTick();
        });
    }

    public void start() {
        if (busy.get()) return;
        progress.clear();
        run("Start the server", () -> {
            HealthSnapshot s = control.startAll(step -> executor.uiThread().run(() -> progress.add(step)));
            return ServerViewModel.label(s) + " on 127.0.0.1:" + control.port();
        }, true);
    }

    public void stop() {
        if (busy.get()) return;
        progress.setAll("Stopping");
        closeStreams();
        run("Stop the server", () -> {
            control.stop();
            return "Stopped";
        }, false);
    }

    public void restart() {
        if (busy.get()) return;
        progress.setAll("Restarting");
        closeStreams();
        run("Restart the server", () -> {
            control.restart();
            return "Restarted";
        }, true);
    }

    /** Removes the container; the user's data only when {@code deleteData} (the view asks for explicit confirmation). */
    public void remove(boolean deleteData) {
        if (busy.get()) return;
        progress.setAll(deleteData ? "Removing the container and deleting its data" : "Removing the container (data kept)");
        closeStreams();
        run("Remove the server", () -> {
            control.remove(deleteData);
            return deleteData ? "Removed; data deleted" : "Removed; data kept in volume " + volume.get();
        }, false);
    }

    /**
     * Update from an image archive (the bundled one or a picked file): recreate with the same volumes, health-gated;
     * a failed update rolls back and the progress says so in plain words.
     */
    public void update(java.nio.file.Path archive) {
        if (busy.get()) return;
        progress.setAll("Updating from " + archive.getFileName());
        closeStreams();
        run("Update the server", () -> {
            try {
                HealthSnapshot s = control.update(archive, step -> executor.uiThread().run(() -> progress.add(step)));
                return "Updated: " + ServerViewModel.label(s) + " on 127.0.0.1:" + control.port() + " (data kept)";
            } catch (dev.snapotter.control.lifecycle.UpdateRolledBackException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException("Rolled back because " + cause.getMessage()
                        + " — the previous version runs again with your data.", e);
            }
        }, true);
    }

    /** Applies changed settings to an existing container: remove it (data volumes stay) and start a new one. */
    public void recreate() {
        if (busy.get()) return;
        progress.setAll("Recreating with the new settings");
        closeStreams();
        run("Recreate the server", () -> {
            HealthSnapshot s = control.recreate(step -> executor.uiThread().run(() -> progress.add(step)));
            return ServerViewModel.label(s) + " on 127.0.0.1:" + control.port();
        }, true);
    }

    private void run(String name, java.util.concurrent.Callable<String> body, boolean thenStreams) {
        busy.set(true);
        error.set("");
        executor.execute(Lane.SERVER, BackgroundTask.of(name, ctx -> body.call())
                .onSuccess(done -> {
                    progress.add(done);
                    if (thenStreams) logs.clear();
                })
                .onFailure(e -> {
                    error.set(String.valueOf(e.getMessage()));
                    progress.add("Failed: " + e.getMessage());
                })
                .onFinally(() -> {
                    busy.set(false);
                    refresh();
                }));
    }

    /** Re-reads the container's state for the status card. */
    public void refresh() {
        executor.execute(Lane.SERVER, BackgroundTask.of("Read the server status", ctx -> control.status())
                .onSuccess(this::show)
                .onFailure(e -> error.set("Could not read the server status: " + e.getMessage())));
    }

    private void show(Optional<ServerStatus> status) {
        last = status;
        exists.set(status.isPresent());
        if (status.isEmpty()) {
            running.set(false);
            healthy.set(false);
            health.set("Not created");
            lastProbe.set("");
            uptime.set("-");
            version.set("-");
            image.set(control.image());
            port.set(String.valueOf(control.port()));
            volume.set("-");
            return;
        }
        ServerStatus s = status.get();
        HealthSnapshot h = s.health();
        running.set(h.running());
        healthy.set(h.healthy());
        health.set(label(h));
        lastProbe.set(h.lastProbe().map(ServerViewModel::probe).orElse("No probe has run yet"));
        uptime.set(s.startedAt().map(t -> human(Duration.between(t, clock.instant()))).orElse("-"));
        version.set(s.version().orElse("unknown"));
        port.set(String.valueOf(s.port()));
        image.set(s.image());
        volume.set(s.dataVolume());
        if (h.running() && open && !streamsOpen && !busy.get()) openStreams();
    }

    static String label(HealthSnapshot h) {
        if (!h.running()) return h.restarting() ? "Restarting" : "Stopped (" + h.status() + ")";
        return switch (h.health()) {
            case "healthy" -> "Healthy";
            case "unhealthy" -> "Unhealthy";
            case "starting" -> "Starting";
            default -> "Running (no health check)";
        };
    }

    private static String probe(ProbeResult p) {
        return "exit " + p.exitCode() + ": " + p.output().strip();
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        if (s < 86_400) return (s / 3600) + " h " + (s / 60 % 60) + " min";
        return (s / 86_400) + " d " + (s / 3600 % 24) + " h";
    }

    private void openStreams() {
        streamsOpen = true;
        executor.execute(Lane.SERVER, BackgroundTask.action("Follow the server logs and stats", ctx -> {
            control.followLogs(500, this::lineArrived);
            control.collectStats(sample -> executor.uiThread().run(() -> addSample(sample)));
        }).onFailure(e -> {
            streamsOpen = false;
            error.set("Could not follow the logs: " + e.getMessage());
        }));
    }

    private void closeStreams() {
        streamsOpen = false;
        control.closeStreams();
    }

    /** Lines arrive on a stream thread; they are batched so a burst costs one UI update, not thousands. */
    private void lineArrived(LogLine line) {
        boolean first;
        synchronized (pendingLines) {
            first = pendingLines.isEmpty();
            pendingLines.add(line);
        }
        if (first) executor.uiThread().run(this::flushLines);
    }

    private void flushLines() {
        List<LogLine> batch;
        synchronized (pendingLines) {
            batch = List.copyOf(pendingLines);
            pendingLines.clear();
        }
        logs.append(batch);
    }

    private void addSample(StatsSample sample) {
        stats.add(sample);
        if (stats.size() > STATS_POINTS) stats.remove(0, stats.size() - STATS_POINTS);
    }

    public Optional<ServerStatus> lastStatus() {
        return last;
    }

    public LogsViewModel logs() {
        return logs;
    }

    public ObservableList<String> progress() {
        return progress;
    }

    public ObservableList<StatsSample> stats() {
        return stats;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty existsProperty() {
        return exists;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty healthyProperty() {
        return healthy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty healthProperty() {
        return health;
    }

    public ReadOnlyStringProperty lastProbeProperty() {
        return lastProbe;
    }

    public ReadOnlyStringProperty uptimeProperty() {
        return uptime;
    }

    public ReadOnlyStringProperty versionProperty() {
        return version;
    }

    public ReadOnlyStringProperty portProperty() {
        return port;
    }

    public ReadOnlyStringProperty imageProperty() {
        return image;
    }

    public ReadOnlyStringProperty volumeProperty() {
        return volume;
    }

    public boolean streamsOpen() {
        return streamsOpen;
    }
}
