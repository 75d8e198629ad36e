package dev.snapotter.desktop.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.desktop.task.DirectTaskExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupNowViewModelTest {

    @TempDir
    Path dir;

    private final FakeBackupPort port = new FakeBackupPort();
    private final BackupNowViewModel vm = new BackupNowViewModel(port, new DirectTaskExecutor((n, e) -> { }),
            Clock.fixed(Instant.parse("2026-11-25T10:15:00Z"), ZoneOffset.UTC));

    @Test
    void validatesFolderAndPassphraseBeforeAnythingRuns() {
        assertThat(vm.canStartProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).contains("folder");
        vm.destinationProperty().set(dir);
        assertThat(vm.canStartProperty().get()).isTrue();
        vm.passphraseProperty().set("short");
        vm.confirmProperty().set("short");
        assertThat(vm.problemProperty().get()).contains("at least 8");
        vm.passphraseProperty().set("long enough phrase");
        assertThat(vm.problemProperty().get()).contains("differ");
        vm.confirmProperty().set("long enough phrase");
        assertThat(vm.canStartProperty().get()).isTrue();
    }

    @Test
    void backsUpIntoATimestampedFileAndForgetsThePassphrase() {
        boolean[] refreshed = {false};
        vm.onBackupDone(() -> refreshed[0] = true);
        vm.destinationProperty().set(dir);
        vm.includeModelsProperty().set(true);
        vm.passphraseProperty().set("long enough phrase");
        vm.confirmProperty().set("long enough phrase");
        vm.start();
        assertThat(port.calls).containsExactly("backup snapotter-backup-20261125-101500.tar.gz encrypted models");
        assertThat(vm.resultProperty().get()).contains("Saved snapotter-backup-20261125-101500.tar.gz")
                .contains("encrypted");
        assertThat(vm.progress()).contains("Asking the running server for a backup");
        assertThat(vm.passphraseProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(refreshed[0]).isTrue();
    }

    @Test
    void aFailureSaysNoFileWasLeft() {
        port.backupFailure = new IOException("Docker is not reachable");
        vm.destinationProperty().set(dir);
        vm.start();
        assertThat(vm.resultProperty().get()).contains("no file was left behind").contains("Docker is not reachable");
        assertThat(vm.canStartProperty().get()).isTrue();
    }
}
