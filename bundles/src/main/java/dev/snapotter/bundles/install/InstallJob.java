package dev.snapotter.bundles.install;

import dev.snapotter.bundles.BundleManifest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** One queued or running install: its latest progress, its result, and a way to cancel it. */
public final class InstallJob {

    private final String jobId;
    private final String requestedId;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<InstallProgress> last;
    final CompletableFuture<BundleManifest> result = new CompletableFuture<>();

    InstallJob(String jobId, String requestedId) {
        this.jobId = jobId;
        this.requestedId = requestedId;
        this.last = new AtomicReference<>(new InstallProgress(jobId, requestedId, InstallProgress.Phase.QUEUED, 0, 0, 0, null));
    }

    public String jobId() {
        return jobId;
    }

    /** The catalogue id asked for, or null for an uploaded file until its manifest is read. */
    public String bundleId() {
        InstallProgress p = last.get();
        return p.bundleId() != null ? p.bundleId() : requestedId;
    }

    public InstallProgress progress() {
        return last.get();
    }

    /** Completes with the installed manifest, or exceptionally with the reason (BundleRejectedException, CancellationException, IOException). */
    public CompletableFuture<BundleManifest> result() {
        return result;
    }

    /** Stops a queued job at once and a running one at its next block of bytes; nothing is left activated. */
    public void cancel() {
        cancelled.set(true);
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    void report(InstallProgress p) {
        last.set(p);
    }
}
