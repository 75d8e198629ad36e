package dev.snapotter.desktop.ai;

import dev.snapotter.bundles.install.InstallProgress;
import dev.snapotter.control.api.ApiModels;
import dev.snapotter.control.api.ProgressStream;
import dev.snapotter.control.api.SnapOtterApi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Bundles on a SnapOtter server (the local container or a remote one) through its API: the listing of
 * {@code GET /api/v1/features}, installs from the server's catalogue or an uploaded file (a file shipped with the
 * app too: it is uploaded, so the server needs no network) with progress over SSE, cancel and uninstall. Changing
 * bundles needs {@code features:manage} on that server; without it the server's refusal is shown as it is.
 */
public final class ServerBundles implements BundleManager {

    private final Supplier<SnapOtterApi> api;
    private final String address;
    private final ShippedBundles shipped;

    /**
     * @param api     the connected server's client; throws (with the reason in words) while there is none
     * @param address how the server is named to the user ({@code http://…}, "the local container …")
     */
    public ServerBundles(Supplier<SnapOtterApi> api, String address, ShippedBundles shipped) {
        this.api = api;
        this.address = address;
        this.shipped = shipped;
    }

    @Override
    public String place() {
        return address.startsWith("the ") ? address : "the server at " + address;
    }

    @Override
    public boolean onServer() {
        return true;
    }

    @Override
    public Listing list() throws Exception {
        ApiModels.Features features = api.get().features();
        List<ShippedBundle> files = shipped.list();
        List<BundleRow> rows = new ArrayList<>();
        for (ApiModels.FeatureBundle b : features.bundles()) {
            rows.add(new BundleRow(b.id(), b.name(), b.version(), b.license(), b.installedBytes(), b.installed(), b.diskUsageBytes(),
                    b.downloadable(), b.signed(), ShippedBundles.fileFor(files, b.id()), pending(b.status())));
        }
        ShippedBundles.addUnlisted(rows, files);
        return new Listing(rows, features.totalDiskUsageBytes());
    }

    /** The server's "queued" / "installing" (another client's install, or ours before the panel was opened). */
    static String pending(String status) {
        return "queued".equals(status) || "installing".equals(status) ? status : null;
    }

    @Override
    public Install installFromCatalogue(String id, Consumer<InstallProgress> progress) {
        SnapOtterApi client = api.get();
        Job job = new Job(client);
        job.started(client.installFeature(id), progress);
        return job;
    }

    /** Uploads on its own thread (a large file must not hold the panel's lane) and then follows the install. */
    @Override
    public Install installFile(Path file, Consumer<InstallProgress> progress) {
        SnapOtterApi client = api.get();
        Job job = new Job(client);
        Thread.ofVirtual().name("snapotter-bundle-upload").start(() -> {
            try {
                job.started(client.installFeatureFile(file, job::isCancelled), progress);
            } catch (RuntimeException e) {
                job.result.completeExceptionally(e);
            }
        });
        return job;
    }

    @Override
    public boolean uninstall(String id) {
        return api.get().uninstallFeature(id).isPresent();
    }

    /** Maps the server's event (stage names of docs/api.md) to the installer's progress the panel shows. */
    static InstallProgress progressOf(ApiModels.FeatureProgress p) {
        InstallProgress.Phase phase = switch (p.stage()) {
            case "queued" -> InstallProgress.Phase.QUEUED;
            case "downloading" -> InstallProgress.Phase.DOWNLOADING;
            case "verifying" -> InstallProgress.Phase.VERIFYING;
            case "activating" -> InstallProgress.Phase.ACTIVATING;
            case "done" -> InstallProgress.Phase.DONE;
            case "cancelled" -> InstallProgress.Phase.CANCELLED;
            default -> "complete".equals(p.phase()) ? InstallProgress.Phase.DONE
                    : "failed".equals(p.phase()) ? InstallProgress.Phase.FAILED : InstallProgress.Phase.VERIFYING;
        };
        return new InstallProgress(p.jobId(), p.bundleId().isEmpty() ? null : p.bundleId(), phase, p.percent(), p.bytesDone(),
                p.bytesTotal(), p.error().isEmpty() ? null : p.error());
    }

    /** One install on the server: its job id once known, the SSE stream that ends it, and cancel. */
    private static final class Job implements Install {

        private final SnapOtterApi client;
        final CompletableFuture<String> result = new CompletableFuture<>();
        private final AtomicReference<String> jobId = new AtomicReference<>();
        private volatile boolean cancelled;

        Job(SnapOtterApi client) {
            this.client = client;
        }

        boolean isCancelled() {
            return cancelled;
        }

        void started(String id, Consumer<InstallProgress> progress) {
            jobId.set(id);
            if (cancelled) cancelOnServer(id);
            ProgressStream stream;
            try {
                stream = client.featureInstallProgress(id, e -> {
                    InstallProgress p = progressOf(e);
                    progress.accept(p);
                    if (!e.terminal()) return;
                    if ("complete".equals(e.phase())) {
                        result.complete(p.bundleId());
                    } else if (e.cancelled()) {
                        result.completeExceptionally(new CancellationException("Install cancelled"));
                    } else {
                        result.completeExceptionally(new IllegalStateException(e.error().isEmpty() ? "The server could not install the bundle" : e.error()));
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            stream.whenEnded().thenRun(() -> result.completeExceptionally(new IllegalStateException(
                    "The server ended the progress stream before the install finished (job " + id + ")")));
            result.whenComplete((v, e) -> stream.close());
        }

        @Override
        public CompletableFuture<String> result() {
            return result;
        }

        @Override
        public void cancel() {
            cancelled = true;
            String id = jobId.get();
            if (id != null) cancelOnServer(id);
        }

        private void cancelOnServer(String id) {
            Thread.ofVirtual().name("snapotter-bundle-cancel").start(() -> {
                try {
                    client.cancelFeatureInstall(id);
                } catch (RuntimeException e) {
                    // the stream's terminal event (or its end) reports the outcome
                    org.slf4j.LoggerFactory.getLogger(ServerBundles.class).warn("Cancelling install {} failed: {}", id, e.getMessage());
                }
            });
        }
    }
}
