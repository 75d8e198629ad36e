package dev.snapotter.backup;

import dev.snapotter.backup.BackupRejectedException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restore that fails at any step, or is "killed" (an Error the restorer does not catch, leaving the journal
 * as a crash would), ends with the previous data back byte-for-byte, WAL file included.
 */
class RestoreRollbackTest {

    @TempDir
    Path tmp;
    Path archive;
    Path target;
    Map<String, String> before;

    /** Stands in for the process dying: not an IOException/RuntimeException, so no in-process rollback runs. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String step) {
            super("crash after " + step);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        Path source = TestData.dataDir(tmp.resolve("source"), 100, 1, 21);
        archive = tmp.resolve("b.tar.gz");
        Files.write(archive, TestData.backup(source, BackupOptions.plain()));
        target = TestData.dataDir(tmp.resolve("target"), 10, 1, 22);
        // a stopped server that did not checkpoint leaves a WAL behind: it is part of the old data
        Files.write(target.resolve("snapotter.db-wal"), new byte[] {1, 2, 3});
        before = TestData.tree(target);
    }

    @AfterEach
    void resetHook() {
        DataDirRestorer.hook = step -> { };
    }

    @ParameterizedTest
    @ValueSource(strings = {"staged", "journal", "move-out initial-admin-password", "move-out uploads", "move-in snapotter.db", "move-in uploads", "verify"})
    void failureAtAnyStepPutsThePreviousDataBack(String failingStep) {
        DataDirRestorer.hook = step -> {
            if (step.equals(failingStep)) throw new IOException("disk said no at " + step);
        };
        assertThatThrownBy(() -> DataDirRestorer.restore(archive, null, target)).isInstanceOf(IOException.class).hasMessageContaining("disk said no");
        assertThat(TestData.tree(target)).isEqualTo(before);
    }

    @Test
    void aFailureAfterTheFirstRenameIsReportedAsRestoreFailed() {
        DataDirRestorer.hook = step -> {
            if (step.equals("move-in snapotter.db")) throw new IOException("disk full");
        };
        assertThatThrownBy(() -> DataDirRestorer.restore(archive, null, target))
                .isInstanceOfSatisfying(BackupRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RESTORE_FAILED))
                .hasMessageContaining("move-in snapotter.db").hasMessageContaining("previous data was put back");
    }

    @ParameterizedTest
    @ValueSource(strings = {"journal", "move-out initial-admin-password", "move-out snapotter.db-wal", "move-in initial-admin-password",
            "move-in snapotter.db", "verify"})
    void aCrashAtAnyStepIsRecoveredFromTheJournal(String crashStep) throws Exception {
        DataDirRestorer.hook = step -> {
            if (step.equals(crashStep)) throw new SimulatedCrash(step);
        };
        assertThatThrownBy(() -> DataDirRestorer.restore(archive, null, target)).isInstanceOf(SimulatedCrash.class);
        DataDirRestorer.hook = step -> { };
        assertThat(DataDirRestorer.pending(target)).isPresent();
        assertThatThrownBy(() -> DataDirRestorer.restore(archive, null, target))
                .isInstanceOfSatisfying(BackupRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RESTORE_PENDING));
        assertThat(DataDirRestorer.recover(target)).isTrue();
        assertThat(TestData.tree(target)).isEqualTo(before);
        assertThat(DataDirRestorer.pending(target)).isEmpty();
    }

    @Test
    void aCrashDuringRollbackIsFinishedByRunningItAgain() throws Exception {
        DataDirRestorer.restore(archive, null, target);
        // the restored server ran and wrote to the database before the rollback was decided
        try (Connection c = TestData.open(target.resolve(BackupLayout.DATABASE))) {
            TestData.insertRows(c, 5, 77);
        }
        Files.writeString(target.resolve("created-by-new-server.txt"), "x");
        for (String crashStep : new String[] {"rollback-cleared", "rollback-back snapotter.db"}) {
            DataDirRestorer.hook = step -> {
                if (step.equals(crashStep)) throw new SimulatedCrash(step);
            };
            assertThatThrownBy(() -> DataDirRestorer.rollback(target)).isInstanceOf(SimulatedCrash.class);
        }
        DataDirRestorer.hook = step -> { };
        DataDirRestorer.rollback(target);
        assertThat(TestData.tree(target)).isEqualTo(before);
    }

    @Test
    void commitIsRefusedForAnUnfinishedRestoreAndRollbackNeedsARestore() throws IOException {
        DataDirRestorer.hook = step -> {
            if (step.equals("move-in snapotter.db")) throw new SimulatedCrash(step);
        };
        assertThatThrownBy(() -> DataDirRestorer.restore(archive, null, target)).isInstanceOf(SimulatedCrash.class);
        assertThatThrownBy(() -> DataDirRestorer.commit(target))
                .isInstanceOfSatisfying(BackupRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RESTORE_PENDING));
        DataDirRestorer.hook = step -> { };
        assertThat(DataDirRestorer.recover(target)).isTrue();
        assertThatThrownBy(() -> DataDirRestorer.rollback(target)).isInstanceOf(IOException.class).hasMessageContaining("no restore to roll back");
        assertThat(TestData.tree(target)).isEqualTo(before);
    }
}
