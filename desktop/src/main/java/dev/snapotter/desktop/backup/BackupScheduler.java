package dev.snapotter.desktop.backup;

import dev.snapotter.backup.BackupOptions;
import dev.snapotter.control.backup.BackupService;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import dev.snapotter.desktop.task.TaskHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link BackupSchedule} while the app is open: one timer to the next run (through the task executor, so
 * it ends with the app), the backup on the SERVER lane, then pruning to the newest {@code keepLast} scheduled
 * backups, then the next timer. A run that fails is reported and the schedule goes on. {@link #stop()} cancels.
 */
public final class BackupScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupScheduler.class);

    private final BackupPort port;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Consumer<String> report;
    private BackupSchedule schedule = BackupSchedule.off();
    private TaskHandle timer = TaskHandle.DONE;
    private Optional<ZonedDateTime> next = Optional.empty();

    /** @param report hears one line per run ("Scheduled backup saved …" / "… failed: …"), on the UI thread */
    public BackupScheduler(BackupPort port, TaskExecutor executor, Clock clock, Consumer<String> report) {
        this.port = port;
        this.executor = executor;
        this.clock = clock;
        this.report = report;
    }

    /** Uses {@code newSchedule} from now on (replaces any pending timer). */
    public synchronized void apply(BackupSchedule newSchedule) {
        schedule = newSchedule;
        timer.cancel();
        next = Optional.empty();
        if (!schedule.enabled()) return;
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime at = schedule.nextRun(now);
        next = Optional.of(at);
        timer = executor.schedule(Duration.between(now, at), this::runNow);
        LOG.info("Next scheduled backup at {}", at);
    }

    public synchronized Optional<ZonedDateTime> next() {
        return next;
    }

    /** Takes the scheduled backup now (also the timer's action), then plans the next one. */
    public void runNow() {
        BackupSchedule s;
        synchronized (this) {
            s = schedule;
        }
        if (!s.enabled()) return;
        Path dir = Path.of(s.destination());
        Path file = dir.resolve(BackupService.fileName(BackupSchedule.PREFIX, clock.instant()));
        executor.execute(Lane.SERVER, BackgroundTask.of("scheduled backup", ctx -> {
            port.backup(file, new BackupOptions(s.includeModels(), null), line -> { });
            return prune(dir, s.keepLast());
        }).onSuccess(removed -> report.accept("Scheduled backup saved: " + file.getFileName()
                + (removed.isEmpty() ? "" : " (removed " + removed.size() + " older)")))
                .onFailure(e -> report.accept("Scheduled backup failed: " + e.getMessage()))
                .onFinally(() -> apply(s)));
    }

    /** Deletes scheduled backups beyond the newest {@code keep}; names sort by time, hand-made backups are kept. */
    static List<Path> prune(Path dir, int keep) throws IOException {
        List<Path> scheduled;
        try (Stream<Path> files = Files.list(dir)) {
            scheduled = files.filter(f -> f.getFileName().toString().startsWith(BackupSchedule.PREFIX + "-")
                            && f.getFileName().toString().endsWith(".tar.gz"))
                    .sorted(java.util.Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList();
        }
        List<Path> old = scheduled.size() <= keep ? List.of() : scheduled.subList(keep, scheduled.size());
        for (Path f : old) Files.deleteIfExists(f);
        return old;
    }

    public synchronized void stop() {
        timer.cancel();
        next = Optional.empty();
    }

    @Override
    public void close() {
        stop();
    }
}
