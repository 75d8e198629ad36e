package dev.snapotter.control.backup;

import dev.snapotter.backup.BackupSummary;
import dev.snapotter.control.backup.RestoreOutcome.Result;
import dev.snapotter.control.backup.RestoreOutcome.Status;
import dev.snapotter.control.backup.RestoreOutcome.StepRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restore procedure of issue 7 / ADR 0071. Nothing is stopped or changed until the archive passed every check
 * (host: manifest, checksums, entries, passphrase; the running image: schema) and a safety backup of the current
 * data exists. Then: stop → replace the data in a helper container (atomic swap, journal) → start → healthy →
 * verify. Any failure after the stop rolls back (VolumeTool rollback, else the safety backup), starts the server on
 * the previous data and says exactly what happened in the {@link RestoreOutcome}.
 *
 * <p>When the safety backup of a running server fails (a helper container cannot copy a database that a busy
 * server keeps changing), the server is stopped first and the safety backup taken again; if that fails too, the
 * server is started again on its untouched data and the restore is refused.
 *
 * <p>Works with the server stopped, unhealthy or absent: everything on the volume happens in helper containers.
 */
public final class RestoreService {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreService.class);

    private final ManagedServer server;
    private final DataVolumeTool tool;
    private final ArchiveCheck archiveCheck;
    private final SafetyBackup safetyBackup;
    private final List<RestoreCheck> afterStart;

    /**
     * @param afterStart verifications of the restored data once the server is healthy (row counts, checksums)
     */
    public RestoreService(ManagedServer server, DataVolumeTool tool, ArchiveCheck archiveCheck,
                          SafetyBackup safetyBackup, List<RestoreCheck> afterStart) {
        this.server = server;
        this.tool = tool;
        this.archiveCheck = archiveCheck;
        this.safetyBackup = safetyBackup;
        this.afterStart = List.copyOf(afterStart);
    }

    public RestoreOutcome restore(Path archive, char[] passphrase, RestoreListener listener) {
        Run run = new Run(listener);
        BackupSummary summary;
        try {
            summary = run.step(RestoreStep.VERIFY_ARCHIVE, () -> archiveCheck.check(archive, passphrase));
            run.step(RestoreStep.VERIFY_WITH_IMAGE, () -> expectSuccess(tool.verify(archive, passphrase)));
        } catch (StepFailed f) {
            return run.outcome(Result.REFUSED, Optional.empty(), "The archive was refused: " + sentence(f.getMessage())
                    + " Nothing was stopped or changed.");
        }
        Path safety;
        boolean stoppedForSafety = false;
        try {
            safety = run.step(RestoreStep.SAFETY_BACKUP, () -> safetyBackup.take(listener::detail));
        } catch (StepFailed f) {
            if (!server.state().running()) {
                return run.outcome(Result.REFUSED, Optional.empty(), "No safety backup of the current data could be"
                        + " taken (" + f.getMessage() + "), so nothing was stopped or changed.");
            }
            // Without admin credentials the helper copies the live database, which a busy server may change under
            // it (the copy is refused then). Stopped, the data holds still: stop first, back up, and go on.
            LOG.info("Safety backup of the running server failed ({}); stopping it and trying again", f.getMessage());
            try {
                stopServer(run);
                stoppedForSafety = true;
                safety = run.step(RestoreStep.SAFETY_BACKUP, () -> safetyBackup.take(listener::detail));
            } catch (StepFailed again) {
                return refuseAfterStop(run, stoppedForSafety, again, listener);
            }
        }
        try {
            if (!stoppedForSafety) stopServer(run);
            run.step(RestoreStep.REPLACE_DATA, () -> expectSuccess(tool.restore(archive, passphrase)));
            run.step(RestoreStep.START_SERVER, () -> {
                server.startAndWaitHealthy(listener::detail);
                return "healthy";
            });
            run.step(RestoreStep.VERIFY_RESTORED, () -> verifyRestored(summary));
        } catch (StepFailed failure) {
            return rollBack(run, safety, failure);
        }
        try {
            run.step(RestoreStep.COMMIT, () -> expectSuccess(tool.commit()));
        } catch (StepFailed commitFailed) {
            // The restored data is live and verified; only the replaced copy is left behind in the volume.
            return run.outcome(Result.RESTORED, Optional.of(safety), "The backup was restored and the server is"
                    + " healthy on it, but the replaced data could not be deleted (" + commitFailed.getMessage()
                    + "); it stays in a .restore-previous folder in the volume until the next restore.");
        }
        return run.outcome(Result.RESTORED, Optional.of(safety), "The backup was restored and the server is"
                + " healthy on it.");
    }

    private void stopServer(Run run) throws StepFailed {
        run.step(RestoreStep.STOP_SERVER, () -> {
            server.stop();
            return "";
        });
    }

    /** Nothing was replaced: the data is as it was, so the server is only started again. */
    private RestoreOutcome refuseAfterStop(Run run, boolean stopped, StepFailed failure, RestoreListener listener) {
        String why = "No safety backup of the current data could be taken (" + failure.getMessage() + "), so no data was changed.";
        if (!stopped) return run.outcome(Result.REFUSED, Optional.empty(), why + " The server could not be stopped either.");
        try {
            run.step(RestoreStep.START_SERVER, () -> {
                server.startAndWaitHealthy(listener::detail);
                return "healthy";
            });
            return run.outcome(Result.REFUSED, Optional.empty(), why + " The server was started again on its own data.");
        } catch (StepFailed startFailed) {
            return run.outcome(Result.REFUSED, Optional.empty(), why + " Starting the server again failed ("
                    + startFailed.getMessage() + "); its data is untouched.");
        }
    }

    private RestoreOutcome rollBack(Run run, Path safety, StepFailed failure) {
        String what = failure.step.title() + " failed: " + sentence(failure.getMessage()).replaceAll("\\.$", "");
        LOG.warn("Restore failed after the stop, rolling back. {}", what);
        try {
            run.step(RestoreStep.ROLLBACK, () -> putPreviousDataBack(safety));
        } catch (StepFailed rollbackFailed) {
            return run.outcome(Result.ROLLBACK_FAILED, Optional.of(safety), what + ". Putting the previous data back"
                    + " ALSO failed (" + rollbackFailed.getMessage() + "). The server is left stopped; the safety"
                    + " backup " + safety + " holds the data from before the restore.");
        }
        try {
            run.step(RestoreStep.RESTART_AFTER_ROLLBACK, () -> {
                server.startAndWaitHealthy(run.listener::detail);
                return "healthy";
            });
        } catch (StepFailed restartFailed) {
            return run.outcome(Result.ROLLBACK_FAILED, Optional.of(safety), what + ". The previous data was put back,"
                    + " but the server did not become healthy on it (" + restartFailed.getMessage() + "). The"
                    + " safety backup is " + safety + ".");
        }
        return run.outcome(Result.ROLLED_BACK, Optional.of(safety), what + ". The previous data was put back and"
                + " the server is healthy on it; nothing from the archive was kept.");
    }

    /** The journal first (exactly the data at the stop); the safety backup only when the journal cannot help. */
    private String putPreviousDataBack(Path safety) throws Exception {
        server.stop();
        HelperResult rollback = tool.rollback();
        if (rollback.succeeded()) return "the previous data is back in place";
        // "Nothing to roll back": a restore that failed before its first rename left the data untouched, and one
        // that failed later put it back itself (exit ROLLED_BACK). Restoring the safety backup then would only
        // lose what was written between the safety backup and the stop.
        HelperResult status = tool.status();
        if (status.succeeded() && status.output().replace(" ", "").contains("\"pending\":false")) {
            return "nothing to roll back: the previous data was never replaced or was already put back";
        }
        LOG.warn("VolumeTool rollback failed ({}); restoring the safety backup instead", rollback.lastLine());
        HelperResult fromSafety = tool.restore(safety, null);
        if (fromSafety.succeeded()) {
            return "the rollback journal could not be used (" + rollback.lastLine() + "); restored the safety backup";
        }
        throw new IllegalStateException("rollback: " + rollback.lastLine() + "; safety backup: "
                + fromSafety.lastLine());
    }

    private String verifyRestored(BackupSummary summary) throws Exception {
        if (afterStart.isEmpty()) return "healthy; no admin credentials for comparing the data through the API";
        List<String> done = new ArrayList<>();
        for (RestoreCheck check : afterStart) done.add(check.verify(summary));
        return String.join("; ", done);
    }

    /** Ends with exactly one full stop, so reasons can be followed by another sentence. */
    static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") ? t : t + ".";
    }

    private static String expectSuccess(HelperResult result) {
        if (!result.succeeded()) {
            String reason = result.lastLine().isEmpty() ? "exit code " + result.exitCode() : result.lastLine();
            throw new IllegalStateException(reason);
        }
        return ToolOutput.describe(result.lastLine());
    }

    @FunctionalInterface
    private interface Action<T> {
        T call() throws Exception;
    }

    private static final class StepFailed extends Exception {
        final RestoreStep step;

        StepFailed(RestoreStep step, String message, Throwable cause) {
            super(message, cause);
            this.step = step;
        }
    }

    /** Records each step with its time and result, and tells the listener. */
    private static final class Run {
        final RestoreListener listener;
        final List<StepRecord> records = new ArrayList<>();

        Run(RestoreListener listener) {
            this.listener = listener;
        }

        <T> T step(RestoreStep step, Action<T> action) throws StepFailed {
            listener.started(step);
            long t0 = System.nanoTime();
            try {
                T value = action.call();
                record(new StepRecord(step, Status.OK, describe(value), since(t0)));
                return value;
            } catch (Exception | AssertionError e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                record(new StepRecord(step, Status.FAILED, reason, since(t0)));
                throw new StepFailed(step, reason, e);
            }
        }

        private static String describe(Object value) {
            if (value instanceof BackupSummary s) {
                var m = s.manifest();
                return s.fileCount() + " files, " + s.totalBytes() + " bytes, schema " + m.schemaVersion()
                        + ", SnapOtter " + m.appVersion() + ", taken " + m.createdAt() + " on " + m.sourceHost();
            }
            return value == null ? "" : value.toString();
        }

        private void record(StepRecord r) {
            records.add(r);
            listener.finished(r);
        }

        private static java.time.Duration since(long t0) {
            return java.time.Duration.ofNanos(System.nanoTime() - t0);
        }

        RestoreOutcome outcome(Result result, Optional<Path> safety, String message) {
            LOG.info("Restore ended {}: {}", result, message);
            return new RestoreOutcome(result, records, safety, message);
        }
    }
}
