package dev.snapotter.bundles.install;

import dev.snapotter.archive.Sha256;
import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.BundleRejectedException;
import dev.snapotter.bundles.BundleRejectedException.Reason;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.catalogue.CatalogueEntry;
import dev.snapotter.bundles.install.InstallProgress.Phase;
import dev.snapotter.bundles.signing.TrustPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Installs, removes and lists bundles in one {@link BundleStore}. Installs run one at a time on a single
 * worker thread, in request order (a queue); each is downloaded (when asked, from an allow-listed
 * origin), verified and extracted into a staging folder, and only then switched into place with one
 * atomic rename. {@link #open} first recovers from a crash ({@link Recovery}). Uninstall renames the
 * bundle folder away (atomic: tools stop seeing it at once) and deletes every file of it.
 */
public final class BundleInstaller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BundleInstaller.class);
    private static final int KEEP_FINISHED = 50;

    private final InstallerOptions options;
    private final BundleStore store;
    private final BundleExtractor.Factory extractors;
    private final BundleDownloader downloader;
    private final ExecutorService worker;
    private final ReentrantLock switchLock = new ReentrantLock();
    private final Map<String, InstallJob> jobs = new LinkedHashMap<>();
    private final List<String> recovered;

    private BundleInstaller(InstallerOptions options, List<String> recovered) {
        this.options = options;
        this.store = new BundleStore(options.root());
        this.extractors = () -> new BundleExtractor(new TrustPolicy(options.trustedKeys(), options.allowUntrusted().getAsBoolean()),
                options.limits(), options.appVersion(), options.disk());
        this.downloader = new BundleDownloader(options.catalogue().allowedOrigins(), options.httpTimeout());
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bundle-installer");
            t.setDaemon(true);
            return t;
        });
        this.recovered = recovered;
    }

    /** Creates the folder layout, recovers from an interrupted operation, and starts the queue. */
    public static BundleInstaller open(InstallerOptions options) throws IOException {
        BundleStore store = new BundleStore(options.root());
        store.ensureLayout();
        List<String> recovered = Recovery.run(store);
        return new BundleInstaller(options, recovered);
    }

    /** What startup recovery did (empty after a clean shutdown). */
    public List<String> recovered() {
        return recovered;
    }

    public BundleStore store() {
        return store;
    }

    public Catalogue catalogue() {
        return options.catalogue();
    }

    // ---- queries ----------------------------------------------------------------------------------

    public List<InstalledBundle> installed() throws IOException {
        List<InstalledBundle> out = new ArrayList<>();
        for (BundleManifest m : store.installed()) {
            Path dir = store.bundleDir(m.id());
            out.add(new InstalledBundle(m, dir, BundleStore.usage(dir), Files.exists(dir.resolve(BundleFormat.SIGNATURE))));
        }
        return out;
    }

    public Optional<InstalledBundle> installed(String id) throws IOException {
        return installed().stream().filter(b -> b.manifest().id().equals(id)).findFirst();
    }

    /** Bytes of everything in the bundles folder, including partial downloads. */
    public long totalDiskUsage() throws IOException {
        return BundleStore.usage(store.root());
    }

    /** Queued and running jobs, oldest first, plus recently finished ones. */
    public synchronized List<InstallJob> jobs() {
        return List.copyOf(jobs.values());
    }

    public synchronized Optional<InstallJob> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** True while an install of {@code bundleId} (or any, when null) is queued or running. */
    public synchronized boolean busy(String bundleId) {
        return jobs.values().stream().anyMatch(j -> !j.result().isDone() && (bundleId == null || bundleId.equals(j.bundleId())));
    }

    // ---- installs ---------------------------------------------------------------------------------

    /** Queues the download and install of a catalogue bundle. */
    public InstallJob installFromCatalogue(String id, ProgressListener listener) throws BundleRejectedException {
        CatalogueEntry entry = options.catalogue().find(id)
                .orElseThrow(() -> new BundleRejectedException(Reason.UNKNOWN_BUNDLE, "No bundle '" + id + "' in the catalogue."));
        return submit(id, listener, job -> {
            Path part = downloader.download(entry, store.downloads(), options.disk(),
                    bytes -> report(job, listener, entry.id(), Phase.DOWNLOADING, pct(bytes, entry.maxDownloadBytes(), 0, 60), bytes, entry.maxDownloadBytes(), null),
                    job::isCancelled);
            try {
                if (entry.sha256() != null) {
                    String actual = Sha256.of(part);
                    if (!actual.equals(entry.sha256())) {
                        throw new BundleRejectedException(Reason.HASH_MISMATCH, "The downloaded bundle's SHA-256 is " + actual
                                + "; the catalogue says " + entry.sha256() + ".");
                    }
                }
                install(job, listener, part, id, 60);
            } catch (BundleRejectedException e) {
                discardDownload(id); // a verified-bad download must not be resumed
                throw e;
            }
            discardDownload(id);
        });
    }

    /**
     * Queues the install of a bundle file (the offline path). With {@code deleteWhenDone} the file is
     * deleted afterwards whatever happens (an upload saved by {@link #newUploadFile()}).
     */
    public InstallJob installFile(Path file, boolean deleteWhenDone, ProgressListener listener) {
        return submit(null, listener, job -> {
            try {
                install(job, listener, file, null, 0);
            } finally {
                if (deleteWhenDone) Files.deleteIfExists(file);
            }
        });
    }

    /** A fresh file inside the bundles volume for an upload (cleaned at the next start if abandoned). */
    public Path newUploadFile() {
        return store.downloads().resolve("upload-" + UUID.randomUUID() + ".tmp");
    }

    private interface Work {
        void run(InstallJob job) throws Exception;
    }

    private synchronized InstallJob submit(String requestedId, ProgressListener listener, Work work) {
        InstallJob job = new InstallJob(UUID.randomUUID().toString(), requestedId);
        jobs.put(job.jobId(), job);
        trimFinished();
        listener.onProgress(job.progress());
        worker.execute(() -> execute(job, listener, work));
        return job;
    }

    private void execute(InstallJob job, ProgressListener listener, Work work) {
        try {
            if (job.isCancelled()) throw new CancellationException("cancelled before it started");
            work.run(job);
            BundleManifest m = store.installed(job.bundleId()).orElseThrow(() -> new IOException("bundle vanished after install"));
            report(job, listener, m.id(), Phase.DONE, 100, 0, 0, null);
            job.result.complete(m);
        } catch (CancellationException e) {
            report(job, listener, job.bundleId(), Phase.CANCELLED, 100, 0, 0, "cancelled");
            job.result.completeExceptionally(e);
        } catch (Exception e) {
            if (!(e instanceof BundleRejectedException)) LOG.warn("Bundle install {} failed", job.jobId(), e);
            else LOG.warn("Bundle refused: {}", e.getMessage());
            report(job, listener, job.bundleId(), Phase.FAILED, 100, 0, 0, String.valueOf(e.getMessage()));
            job.result.completeExceptionally(e);
        }
    }

    /** Verify + extract into staging, then the atomic switch. Progress runs from {@code base} to 95. */
    private void install(InstallJob job, ProgressListener listener, Path archive, String expectedId, int base)
            throws BundleRejectedException, IOException {
        String stagingName = UUID.randomUUID().toString();
        Path staging = store.staging().resolve(stagingName);
        new Journal("install", "extracting", expectedId, stagingName, null).write(store.journalFile());
        boolean switching = false;
        try {
            Files.createDirectory(staging);
            long[] total = {Files.size(archive)};
            BundleExtractor.Verified v;
            try (InputStream in = Files.newInputStream(archive)) {
                v = extractors.create().extract(in, staging, expectedId,
                        m -> {
                            total[0] = Math.max(1, m.installedBytes());
                            report(job, listener, m.id(), Phase.VERIFYING, base, 0, total[0], null);
                        },
                        bytes -> report(job, listener, job.bundleId(), Phase.VERIFYING, pct(bytes, total[0], base, 95), bytes, total[0], null),
                        job::isCancelled);
            }
            if (job.isCancelled()) throw new CancellationException("install cancelled");
            String id = v.manifest().id();
            report(job, listener, id, Phase.ACTIVATING, 95, total[0], total[0], null);
            switchLock.lock();
            try {
                Path target = store.bundleDir(id);
                String trashName = Files.exists(target) ? id + "-" + UUID.randomUUID() : null;
                new Journal("install", "switching", id, stagingName, trashName).write(store.journalFile());
                switching = true;
                if (trashName != null) BundleStore.rename(target, store.trash().resolve(trashName));
                BundleStore.rename(staging, target);
                if (trashName != null) BundleStore.deleteTree(store.trash().resolve(trashName));
                Journal.clear(store.journalFile());
            } finally {
                switchLock.unlock();
            }
            LOG.info("Installed bundle {} {} ({} bytes, {})", id, v.manifest().version(), v.manifest().installedBytes(),
                    v.verdict() == TrustPolicy.Verdict.TRUSTED ? "signature trusted" : "UNTRUSTED, allowed by the administrator");
            changed();
        } catch (BundleRejectedException | IOException | RuntimeException e) {
            if (switching) {
                // the switch itself failed (disk error): let recovery decide, exactly as after a crash
                Recovery.run(store);
            } else {
                BundleStore.deleteTree(staging);
                Journal.clear(store.journalFile());
            }
            throw e;
        }
    }

    // ---- removal ------------------------------------------------------------------------------------

    /** Removes every byte of a bundle. False when it was not installed. */
    public boolean uninstall(String id) throws IOException {
        if (busy(id)) throw new IllegalStateException("Bundle '" + id + "' is being installed; cancel that first.");
        Path target = store.bundleDir(id);
        switchLock.lock();
        try {
            if (!Files.exists(target)) {
                discardDownload(id);
                return false;
            }
            String trashName = id + "-" + UUID.randomUUID();
            new Journal("uninstall", "switching", id, null, trashName).write(store.journalFile());
            BundleStore.rename(target, store.trash().resolve(trashName));
            BundleStore.deleteTree(store.trash().resolve(trashName));
            discardDownload(id);
            Journal.clear(store.journalFile());
        } finally {
            switchLock.unlock();
        }
        LOG.info("Removed bundle {}", id);
        changed();
        return true;
    }

    /** Removes every bundle, partial download and leftover (refused while an install runs). */
    public void resetAll() throws IOException {
        if (busy(null)) throw new IllegalStateException("An install is running; cancel it before resetting.");
        switchLock.lock();
        try {
            new Journal("reset", "switching", null, null, null).write(store.journalFile());
            for (Path dir : store.bundleDirs()) {
                Path moved = store.trash().resolve(dir.getFileName() + "-" + UUID.randomUUID());
                BundleStore.rename(dir, moved);
                BundleStore.deleteTree(moved);
            }
            BundleStore.emptyDir(store.downloads());
            BundleStore.emptyDir(store.staging());
            BundleStore.emptyDir(store.trash());
            Journal.clear(store.journalFile());
        } finally {
            switchLock.unlock();
        }
        LOG.info("Reset: every AI bundle removed");
        changed();
    }

    private void discardDownload(String id) throws IOException {
        Files.deleteIfExists(BundleDownloader.partFile(store.downloads(), id));
        Files.deleteIfExists(BundleDownloader.infoFile(store.downloads(), id));
    }

    private void changed() {
        try {
            options.onChange().run();
        } catch (RuntimeException e) {
            LOG.warn("Bundle change listener failed: {}", e.getMessage());
        }
    }

    // ---- progress -----------------------------------------------------------------------------------

    private static int pct(long done, long total, int from, int to) {
        if (total <= 0) return from;
        return from + (int) Math.min(to - from, (to - from) * done / total);
    }

    private static void report(InstallJob job, ProgressListener listener, String bundleId, Phase phase, int percent, long done, long total, String error) {
        InstallProgress prev = job.progress();
        InstallProgress p = new InstallProgress(job.jobId(), bundleId != null ? bundleId : prev.bundleId(), phase, percent, done, total, error);
        job.report(p);
        // Byte counters move on every block; listeners hear only when the phase or the percentage changes.
        if (prev.phase() != phase || prev.percent() != percent || !java.util.Objects.equals(prev.bundleId(), p.bundleId()) || p.terminal()) {
            listener.onProgress(p);
        }
    }

    private void trimFinished() {
        if (jobs.size() <= KEEP_FINISHED) return;
        jobs.values().removeIf(j -> j.result().isDone() && jobs.size() > KEEP_FINISHED);
    }

    /** Cancels queued and running installs and stops the worker (their staging is cleaned now or at next start). */
    @Override
    public void close() {
        synchronized (this) {
            jobs.values().forEach(InstallJob::cancel);
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) worker.shutdownNow();
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
