package dev.snapotter.desktop.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.desktop.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleViewModelTest {

    @TempDir
    Path dir;

    @Test
    void validatesSavesAndStartsTheSchedule() {
        DirectTaskExecutor executor = new DirectTaskExecutor((n, e) -> { });
        BackupScheduleStore store = new BackupScheduleStore(dir.resolve(BackupScheduleStore.FILE_NAME));
        BackupScheduler scheduler = new BackupScheduler(new FakeBackupPort(), executor,
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), line -> { });
        ScheduleViewModel vm = new ScheduleViewModel(store, scheduler, executor);
        assertThat(vm.statusProperty().get()).isEqualTo("No scheduled backups.");

        vm.enabledProperty().set(true);
        vm.timeProperty().set("25:99");
        vm.save();
        assertThat(vm.statusProperty().get()).contains("02:30");
        vm.timeProperty().set("03:15");
        vm.save();
        assertThat(vm.statusProperty().get()).contains("needs a folder");
        assertThat(store.load().enabled()).isFalse();

        vm.destinationProperty().set(dir.toString());
        vm.keepLastProperty().set("5");
        vm.save();
        assertThat(store.load().enabled()).isTrue();
        assertThat(store.load().keepLast()).isEqualTo(5);
        assertThat(scheduler.next()).isPresent();
        assertThat(vm.statusProperty().get()).startsWith("Next backup: Thu 26 Nov 03:15");

        vm.enabledProperty().set(false);
        vm.save();
        assertThat(scheduler.next()).isEmpty();
        assertThat(executor.runScheduled()).as("no timer left").isZero();
    }
}
