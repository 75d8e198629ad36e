package dev.snapotter.bundles.install;

/**
 * One progress report of an install.
 *
 * @param bundleId null until an uploaded file's manifest was read
 * @param percent  0-100 over the whole install (download 0-60, verify/extract 60-95, activate 95-100;
 *                 local files start at 60 scaled to 0-95)
 * @param error    set with {@link Phase#FAILED}
 */
public record InstallProgress(String jobId, String bundleId, Phase phase, int percent, long bytesDone, long bytesTotal, String error) {

    /** Where an install is. */
    public enum Phase { QUEUED, DOWNLOADING, VERIFYING, ACTIVATING, DONE, FAILED, CANCELLED }

    public boolean terminal() {
        return phase == Phase.DONE || phase == Phase.FAILED || phase == Phase.CANCELLED;
    }
}
