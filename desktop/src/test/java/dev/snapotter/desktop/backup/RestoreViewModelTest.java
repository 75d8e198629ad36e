package dev.snapotter.desktop.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.control.backup.RestoreOutcome;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreViewModelTest {

    @TempDir
    static Path dir;
    private static Path good;
    private static Path encrypted;

    private final List<Throwable> unhandled = new ArrayList<>();
    private final FakeBackupPort port = new FakeBackupPort();
    private final RestoreViewModel vm = new RestoreViewModel(port, new DirectTaskExecutor((n, e) -> unhandled.add(e)),
            ZoneOffset.UTC);

    @BeforeAll
    static void archives() throws Exception {
        good = TestArchives.write(dir, "good.tar.gz", null);
        encrypted = TestArchives.write(dir, "secret.tar.gz", "long passphrase".toCharArray());
    }

    @Test
    void aGoodFileIsSummarisedAndNeedsAnExplicitConfirmation() {
        vm.choose(good);
        assertThat(vm.stateProperty().get()).isEqualTo(RestoreViewModel.State.READY);
        assertThat(vm.summaryProperty().get()).contains("3 users").contains("2 saved pipelines")
                .contains("12 audit-log entries").contains("Every file matches its checksum").contains("SnapOtter 0.1.0");
        assertThat(vm.replacesProperty().get()).contains("container 'snapotter'").contains("safety backup");
        assertThat(vm.canRestoreProperty().get()).isFalse();
        vm.restore();
        assertThat(port.calls).doesNotContain("restore good.tar.gz");
        vm.confirmedProperty().set(true);
        assertThat(vm.canRestoreProperty().get()).isTrue();
        vm.restore();
        assertThat(port.calls).contains("restore good.tar.gz");
        assertThat(vm.stateProperty().get()).isEqualTo(RestoreViewModel.State.DONE);
        assertThat(vm.resultProperty().get()).startsWith("Restored.");
        assertThat(vm.steps()).anyMatch(s -> s.startsWith("✓") && s.contains("Replace the data"))
                .anyMatch(s -> s.contains("Safety backup"));
        assertThat(vm.confirmedProperty().get()).as("a second restore needs a new confirmation").isFalse();
        assertThat(unhandled).isEmpty();
    }

    @Test
    void aRollbackIsExplained() {
        port.restoreResult = RestoreOutcome.Result.ROLLED_BACK;
        vm.choose(good);
        vm.confirmedProperty().set(true);
        vm.restore();
        assertThat(vm.outcomeProperty().get()).isEqualTo(RestoreOutcome.Result.ROLLED_BACK);
        assertThat(vm.resultProperty().get()).contains("rolled back").contains("previous data is in place")
                .contains("The container is unhealthy");
        assertThat(vm.steps()).anyMatch(s -> s.startsWith("✗") && s.contains("unhealthy"));
    }

    @Test
    void aDamagedFileIsRefusedAndCannotBeRestored() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.tar.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        vm.choose(cut);
        assertThat(vm.stateProperty().get()).isEqualTo(RestoreViewModel.State.REFUSED);
        assertThat(vm.summaryProperty().get()).contains("cannot be restored").contains("incomplete");
        vm.confirmedProperty().set(true);
        assertThat(vm.canRestoreProperty().get()).isFalse();
    }

    @Test
    void anEncryptedFileAsksForItsPassphrase() {
        vm.choose(encrypted);
        assertThat(vm.stateProperty().get()).isEqualTo(RestoreViewModel.State.NEEDS_PASSPHRASE);
        vm.passphraseProperty().set("wrong passphrase");
        vm.check();
        assertThat(vm.stateProperty().get()).isEqualTo(RestoreViewModel.State.NEEDS_PASSPHRASE);
        assertThat(vm.summaryProperty().get()).contains("passphrase");
        vm.passphraseProperty().set("long passphrase");
        vm.check();
        assertThat(vm.stateProperty().get()).isEqualTo(RestoreViewModel.State.READY);
        assertThat(vm.summaryProperty().get()).contains("encrypted");
    }
}
