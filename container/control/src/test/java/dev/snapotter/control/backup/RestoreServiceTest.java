package dev.snapotter.control.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.backup.BackupManifest;
import dev.snapotter.backup.BackupRejectedException;
import dev.snapotter.backup.BackupSummary;
import dev.snapotter.control.backup.RestoreOutcome.Result;
import dev.snapotter.control.backup.RestoreOutcome.Status;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every branch of the restore procedure against a fake server and fake VolumeTool that record what happened. */
class RestoreServiceTest {

    private final List<String> log = new ArrayList<>();
    private final FakeServer server = new FakeServer();
    private final FakeTool tool = new FakeTool();
    private final Path archive = Path.of("backup.tar.gz");
    private final Path safety = Path.of("safety.tar.gz");
    private final List<RestoreCheck> checks = new ArrayList<>();
    private ArchiveCheck archiveCheck = (a, p) -> summary();

    private RestoreOutcome restore() {
        SafetyBackup safetyBackup = progress -> {
            log.add("safety");
            return safety;
        };
        return new RestoreService(server, tool, archiveCheck, safetyBackup, checks).restore(archive, null,
                RestoreListener.NONE);
    }

    @Test
    void happyPathVerifiesBacksUpStopsReplacesStartsAndChecks() {
        checks.add(s -> {
            log.add("check");
            return "3 users";
        });
        RestoreOutcome outcome = restore();
        assertThat(outcome.result()).isEqualTo(Result.RESTORED);
        assertThat(log).containsExactly("verify " + archive, "safety", "stop", "restore " + archive, "start", "check",
                "commit");
        assertThat(outcome.steps()).extracting(RestoreOutcome.StepRecord::step).containsExactly(
                RestoreStep.VERIFY_ARCHIVE, RestoreStep.VERIFY_WITH_IMAGE, RestoreStep.SAFETY_BACKUP,
                RestoreStep.STOP_SERVER, RestoreStep.REPLACE_DATA, RestoreStep.START_SERVER,
                RestoreStep.VERIFY_RESTORED, RestoreStep.COMMIT);
        assertThat(outcome.safetyBackup()).contains(safety);
        assertThat(outcome.steps().getFirst().detail()).contains("schema 1");
    }

    @Test
    void aRefusedArchiveStopsNothing() {
        archiveCheck = (a, p) -> {
            throw new BackupRejectedException(BackupRejectedException.Reason.TAMPERED, "snapotter.db does not match");
        };
        RestoreOutcome outcome = restore();
        assertThat(outcome.result()).isEqualTo(Result.REFUSED);
        assertThat(outcome.message()).contains("snapotter.db does not match").contains("Nothing was stopped");
        assertThat(log).isEmpty();
        assertThat(outcome.dataChanged()).isFalse();
    }

    @Test
    void theImageRefusingANewerSchemaStopsNothing() {
        tool.verifyExit = new HelperResult(3, "checking\nNEWER_SCHEMA: the backup has schema 9, this image knows 1\n");
        RestoreOutcome outcome = restore();
        assertThat(outcome.result()).isEqualTo(Result.REFUSED);
        assertThat(outcome.message()).contains("schema 9");
        assertThat(log).containsExactly("verify " + archive);
    }

    @Test
    void noSafetyBackupOfAStoppedServerMeansNoRestore() {
        server.state = ManagedServer.State.STOPPED;
        RestoreOutcome outcome = new RestoreService(server, tool, archiveCheck, p -> {
            throw new java.io.IOException("disk full");
        }, checks).restore(archive, null, RestoreListener.NONE);
        assertThat(outcome.result()).isEqualTo(Result.REFUSED);
        assertThat(outcome.message()).contains("disk full").contains("nothing was stopped or changed");
        assertThat(log).containsExactly("verify " + archive);
    }

    @Test
    void aSafetyBackupThatFailsOnTheRunningServerIsRetriedOnceItIsStopped() {
        int[] attempts = {0};
        RestoreOutcome outcome = new RestoreService(server, tool, archiveCheck, p -> {
            log.add("safety");
            if (attempts[0]++ == 0) throw new java.io.IOException("the database changed while it was copied");
            return safety;
        }, checks).restore(archive, null, RestoreListener.NONE);
        assertThat(outcome.result()).isEqualTo(Result.RESTORED);
        assertThat(log).containsExactly("verify " + archive, "safety", "stop", "safety", "restore " + archive, "start", "commit");
        assertThat(outcome.safetyBackup()).contains(safety);
    }

    @Test
    void whenNoSafetyBackupCanBeTakenEvenStoppedTheServerIsStartedAgainUntouched() {
        RestoreOutcome outcome = new RestoreService(server, tool, archiveCheck, p -> {
            log.add("safety");
            throw new java.io.IOException("disk full");
        }, checks).restore(archive, null, RestoreListener.NONE);
        assertThat(outcome.result()).isEqualTo(Result.REFUSED);
        assertThat(outcome.message()).contains("disk full").contains("started again on its own data");
        assertThat(log).containsExactly("verify " + archive, "safety", "stop", "safety", "start");
        assertThat(log).doesNotContain("restore " + archive);
    }

    @Test
    void aFailedCheckAfterStartRollsBackAndStartsOnTheOldData() {
        checks.add(s -> {
            throw new IllegalStateException("users: server has 1, archive 3");
        });
        RestoreOutcome outcome = restore();
        assertThat(outcome.result()).isEqualTo(Result.ROLLED_BACK);
        assertThat(log).containsExactly("verify " + archive, "safety", "stop", "restore " + archive, "start",
                "stop", "rollback", "start");
        assertThat(outcome.message()).contains("Verify the restored data failed: users: server has 1, archive 3")
                .contains("previous data was put back");
        assertThat(outcome.failedStep()).map(RestoreOutcome.StepRecord::step).contains(RestoreStep.VERIFY_RESTORED);
    }

    @Test
    void aFailedReplaceRollsBack() {
        tool.restoreExit = new HelperResult(1, "NO_SPACE: 10 MB free, 2 GB needed");
        RestoreOutcome outcome = restore();
        assertThat(outcome.result()).isEqualTo(Result.ROLLED_BACK);
        assertThat(outcome.message()).contains("NO_SPACE");
        assertThat(log).containsSubsequence("stop", "restore " + archive, "rollback", "start");
    }

    @Test
    void aReplaceThatAlreadyPutTheDataBackIsNotOverwrittenWithTheSafetyBackup() {
        tool.restoreExit = new HelperResult(4, "REFUSED RESTORE_FAILED: disk full; the previous data was put back");
        tool.rollbackExit = new HelperResult(5, "FAILED: there is no restore to roll back");
        tool.statusExit = new HelperResult(0, "{\"pending\":false}");
        RestoreOutcome outcome = restore();
        assertThat(outcome.result()).isEqualTo(Result.ROLLED_BACK);
        assertThat(log).doesNotContain("restore " + safety);
        assertThat(log).containsSubsequence("restore " + archive, "rollback", "status", "start");
    }

    @Test
    void whenTheJournalCannotHelpTheSafetyBackupIsRestored() {
        server.failStarts = 1;
        tool.rollbackExit = new HelperResult(2, "no journal");
        RestoreOutcome outcome = restore();
        assertThat(outcome.result()).isEqualTo(Result.ROLLED_BACK);
        assertThat(log).containsSubsequence("rollback", "restore " + safety, "start");
        assertThat(outcome.steps()).filteredOn(s -> s.step() == RestoreStep.ROLLBACK).first()
                .satisfies(s -> assertThat(s.detail()).contains("restored the safety backup"));
    }

    @Test
    void whenEverythingFailsTheServerStaysStoppedAndTheSafetyBackupIsNamed() {
        tool.restoreExit = new HelperResult(1, "broken disk");
        tool.rollbackExit = new HelperResult(2, "no journal");
        tool.safetyRestoreExit = new HelperResult(1, "broken disk");
        RestoreOutcome outcome = restore();
        assertThat(outcome.result()).isEqualTo(Result.ROLLBACK_FAILED);
        assertThat(outcome.message()).contains(safety.toString()).contains("ALSO failed");
        assertThat(log).doesNotContain("start");
        assertThat(outcome.steps()).filteredOn(s -> s.status() == Status.FAILED).hasSize(2);
    }

    @Test
    void aServerThatNeverGetsHealthyAfterRollbackIsReported() {
        server.failStarts = 2;
        RestoreOutcome outcome = restore();
        assertThat(outcome.result()).isEqualTo(Result.ROLLBACK_FAILED);
        assertThat(outcome.message()).contains("did not become healthy");
    }

    private static BackupSummary summary() {
        BackupManifest m = new BackupManifest(1, "0.1.0", 1, Instant.parse("2026-11-25T10:00:00Z"), "host", false,
                List.of(), Map.of("users", 3L));
        return new BackupSummary(m, 1234, 2);
    }

    private final class FakeServer implements ManagedServer {
        int failStarts;
        State state = State.RUNNING_HEALTHY;

        @Override
        public State state() {
            return state;
        }

        @Override
        public String image() {
            return "snapotter/snapotter:test";
        }

        @Override
        public String dataVolume() {
            return "data";
        }

        @Override
        public void stop() {
            log.add("stop");
        }

        @Override
        public void startAndWaitHealthy(Consumer<String> progress) {
            log.add("start");
            if (failStarts-- > 0) throw new IllegalStateException("The container is unhealthy");
        }
    }

    private final class FakeTool implements DataVolumeTool {
        HelperResult verifyExit = new HelperResult(0, "ok");
        HelperResult restoreExit = new HelperResult(0, "restored");
        HelperResult rollbackExit = new HelperResult(0, "rolled back");
        HelperResult safetyRestoreExit = new HelperResult(0, "restored safety");
        HelperResult statusExit = new HelperResult(0, "{\"pending\":true}");

        @Override
        public HelperResult backup(boolean includeModels, char[] passphrase, OutputStream out) {
            log.add("backup");
            return new HelperResult(0, "");
        }

        @Override
        public HelperResult verify(Path a, char[] passphrase) {
            log.add("verify " + a);
            return verifyExit;
        }

        @Override
        public HelperResult restore(Path a, char[] passphrase) {
            log.add("restore " + a);
            return a.equals(safety) ? safetyRestoreExit : restoreExit;
        }

        @Override
        public HelperResult status() {
            log.add("status");
            return statusExit;
        }

        @Override
        public HelperResult commit() {
            log.add("commit");
            return new HelperResult(0, "committed");
        }

        @Override
        public HelperResult rollback() {
            log.add("rollback");
            return rollbackExit;
        }
    }
}
