package dev.snapotter.desktop.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapotter.desktop.task.DirectTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Next-run arithmetic, pruning, persistence and the timer loop of scheduled backups. */
class BackupScheduleTest {

    @TempDir
    Path dir;

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private BackupSchedule daily(String folder, int keep) {
        return new BackupSchedule(true, BackupSchedule.Frequency.DAILY, DayOfWeek.MONDAY, LocalTime.of(2, 30), keep,
                folder, false);
    }

    @Test
    void dailyRunsAreTodayOrTomorrow() {
        BackupSchedule s = daily("/b", 3);
        ZonedDateTime morning = ZonedDateTime.of(2026, 11, 25, 1, 0, 0, 0, BERLIN);
        assertThat(s.nextRun(morning)).isEqualTo(ZonedDateTime.of(2026, 11, 25, 2, 30, 0, 0, BERLIN));
        ZonedDateTime atTheTime = ZonedDateTime.of(2026, 11, 25, 2, 30, 0, 0, BERLIN);
        assertThat(s.nextRun(atTheTime)).isEqualTo(ZonedDateTime.of(2026, 11, 26, 2, 30, 0, 0, BERLIN));
    }

    @Test
    void weeklyRunsOnTheirDay() {
        BackupSchedule s = new BackupSchedule(true, BackupSchedule.Frequency.WEEKLY, DayOfWeek.SUNDAY,
                LocalTime.of(23, 0), 4, "/b", false);
        ZonedDateTime wednesday = ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, BERLIN);
        assertThat(s.nextRun(wednesday)).isEqualTo(ZonedDateTime.of(2026, 11, 29, 23, 0, 0, 0, BERLIN));
        ZonedDateTime sundayLate = ZonedDateTime.of(2026, 11, 29, 23, 30, 0, 0, BERLIN);
        assertThat(s.nextRun(sundayLate)).isEqualTo(ZonedDateTime.of(2026, 12, 6, 23, 0, 0, 0, BERLIN));
    }

    @Test
    void aDaylightSavingGapMovesTheRunForward() {
        BackupSchedule s = daily("/b", 3);
        ZonedDateTime beforeGap = ZonedDateTime.of(2026, 3, 29, 0, 30, 0, 0, BERLIN); // 02:00-03:00 does not exist
        assertThat(s.nextRun(beforeGap).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(s.nextRun(beforeGap).isAfter(beforeGap)).isTrue();
    }

    @Test
    void invalidSchedulesAreRefused() {
        assertThatThrownBy(() -> daily("", 3)).hasMessageContaining("folder");
        assertThatThrownBy(() -> daily("/b", 0)).hasMessageContaining("keep");
    }

    @Test
    void pruningKeepsTheNewestScheduledAndEveryHandMadeBackup() throws Exception {
        for (String n : List.of("snapotter-scheduled-20261120-020000.tar.gz", "snapotter-scheduled-20261121-020000.tar.gz",
                "snapotter-scheduled-20261122-020000.tar.gz", "snapotter-backup-20261101-120000.tar.gz", "notes.txt")) {
            Files.writeString(dir.resolve(n), "x");
        }
        List<Path> removed = BackupScheduler.prune(dir, 2);
        assertThat(removed).extracting(p -> p.getFileName().toString())
                .containsExactly("snapotter-scheduled-20261120-020000.tar.gz");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "snapotter-scheduled-20261121-020000.tar.gz", "snapotter-scheduled-20261122-020000.tar.gz",
                    "snapotter-backup-20261101-120000.tar.gz", "notes.txt");
        }
    }

    @Test
    void theStoreRoundTripsAndSurvivesADamagedFile() throws Exception {
        BackupScheduleStore store = new BackupScheduleStore(dir.resolve(BackupScheduleStore.FILE_NAME));
        assertThat(store.load().enabled()).isFalse();
        BackupSchedule s = daily(dir.toString(), 5);
        store.save(s);
        assertThat(store.load()).isEqualTo(s);
        Files.writeString(dir.resolve(BackupScheduleStore.FILE_NAME), "{not json");
        assertThat(store.load().enabled()).isFalse();
        assertThat(dir.resolve(BackupScheduleStore.FILE_NAME + ".broken")).exists();
    }

    @Test
    void theSchedulerBacksUpPrunesAndPlansTheNextRun() {
        FakeBackupPort port = new FakeBackupPort();
        DirectTaskExecutor executor = new DirectTaskExecutor((n, e) -> { });
        List<String> reports = new ArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), BERLIN);
        BackupScheduler scheduler = new BackupScheduler(port, executor, clock, reports::add);
        scheduler.apply(daily(dir.toString(), 1));
        assertThat(scheduler.next()).contains(ZonedDateTime.of(2026, 11, 25, 2, 30, 0, 0, BERLIN));
        assertThat(executor.runScheduled()).isEqualTo(1);
        assertThat(port.calls).singleElement().asString().startsWith("backup snapotter-scheduled-");
        assertThat(reports).singleElement().asString().startsWith("Scheduled backup saved");
        assertThat(scheduler.next()).as("planned again after the run").isPresent();
        scheduler.stop();
        assertThat(executor.runScheduled()).as("stopped: the timer is cancelled").isZero();
    }
}
