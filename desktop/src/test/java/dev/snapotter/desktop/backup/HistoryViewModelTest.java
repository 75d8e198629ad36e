package dev.snapotter.desktop.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.desktop.task.DirectTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryViewModelTest {

    @TempDir
    Path dir;

    @Test
    void listsFinishedBackupsNewestFirstAndVerifiesThemOnDemand() throws Exception {
        Path older = TestArchives.write(dir, "snapotter-backup-20261101-100000.tar.gz", null);
        Path newer = Files.writeString(dir.resolve("snapotter-backup-20261124-100000.tar.gz"), "not really a backup");
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-11-01T10:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-11-24T10:00:00Z")));
        Files.writeString(dir.resolve(".snapotter-backup-x.tar.gz.1234abcd.partial"), "in progress");
        Files.writeString(dir.resolve("notes.txt"), "x");

        HistoryViewModel vm = new HistoryViewModel(new FakeBackupPort(), new DirectTaskExecutor((n, e) -> { }));
        vm.folderProperty().set(dir);
        assertThat(vm.entries()).extracting(e -> e.file().getFileName().toString())
                .containsExactly("snapotter-backup-20261124-100000.tar.gz", "snapotter-backup-20261101-100000.tar.gz");

        vm.verify(vm.entries().get(1));
        assertThat(vm.entries().get(1).status()).startsWith("OK").contains("every checksum matches");
        vm.verify(vm.entries().get(0));
        assertThat(vm.entries().get(0).status()).startsWith("Refused");
    }
}
