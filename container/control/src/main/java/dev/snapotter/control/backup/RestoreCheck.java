package dev.snapotter.control.backup;

import dev.snapotter.backup.BackupSummary;

/**
 * One verification of the restored data once the server is healthy on it. Throws with a readable reason when the
 * data is not what the archive promised; the restore then rolls back.
 */
@FunctionalInterface
public interface RestoreCheck {

    /** @return what was checked, e.g. "3 users, 2 pipelines as in the manifest" */
    String verify(BackupSummary archive) throws Exception;
}
