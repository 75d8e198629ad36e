package dev.snapotter.server.features;

import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.BundleRejectedException;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.catalogue.CatalogueEntry;
import dev.snapotter.bundles.install.BundleInstaller;
import dev.snapotter.bundles.install.InstallJob;
import dev.snapotter.bundles.install.InstallProgress;
import dev.snapotter.bundles.install.InstalledBundle;
import dev.snapotter.bundles.install.InstallerOptions;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.jobs.JobRepository;
import dev.snapotter.server.jobs.ProgressHub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The server's side of AI bundles: one {@link BundleInstaller} on the data volume ({@code $DATA_DIR/ai}),
 * install jobs recorded in the jobs table and streamed through the {@link ProgressHub} (the same SSE
 * endpoint as image jobs), and the listing SnapOtter's {@code GET /api/v1/features} returns.
 */
public final class FeatureService implements AutoCloseable {

    /** Job type in the jobs table. */
    static final String JOB_TYPE = "feature-install";

    private final BundleInstaller installer;
    private final ProgressHub hub;
    private final JobRepository jobs;

    FeatureService(BundleInstaller installer, ProgressHub hub, JobRepository jobs) {
        this.installer = installer;
        this.hub = hub;
        this.jobs = jobs;
    }

    /**
     * @param catalogue the known bundles and the only origins they may be downloaded from
     * @param onChange run after a bundle was installed or removed (unload cached models)
     */
    public static FeatureService open(Path bundlesDir, Catalogue catalogue, String appVersion, BooleanSupplier allowUntrusted, ProgressHub hub, JobRepository jobs,
                                      Runnable onChange) {
        try {
            InstallerOptions o = InstallerOptions.defaults(bundlesDir, appVersion).withCatalogue(catalogue).withAllowUntrusted(allowUntrusted).withOnChange(onChange);
            return new FeatureService(BundleInstaller.open(o), hub, jobs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the AI bundles folder " + bundlesDir, e);
        }
    }

    public BundleInstaller installer() {
        return installer;
    }

    /** Every catalogue bundle plus any installed bundle the catalogue does not know (installed from a file). */
    public Map<String, Object> list() throws IOException {
        List<InstalledBundle> installed = installer.installed();
        List<Map<String, Object>> out = new ArrayList<>();
        for (CatalogueEntry e : installer.catalogue().bundles()) {
            Optional<InstalledBundle> i = installed.stream().filter(b -> b.manifest().id().equals(e.id())).findFirst();
            out.add(entry(e.id(), e.name(), e.description(), i.map(b -> b.manifest().version()).orElse(e.version()), e.license(),
                    e.enablesTools(), e.downloadBytes(), e.installedBytes(), i.orElse(null), e.url() != null));
        }
        for (InstalledBundle b : installed) {
            if (installer.catalogue().find(b.manifest().id()).isPresent()) continue;
            BundleManifest m = b.manifest();
            out.add(entry(m.id(), m.name(), null, m.version(), m.license(), m.enablesTools(), null, m.installedBytes(), b, false));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bundles", out);
        body.put("totalDiskUsageBytes", installer.totalDiskUsage());
        return body;
    }

    private Map<String, Object> entry(String id, String name, String description, String version, String license, List<String> tools,
                                      Long downloadBytes, long installedBytes, InstalledBundle installed, boolean downloadable) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        if (description != null) m.put("description", description);
        m.put("version", version);
        m.put("license", license);
        m.put("enablesTools", tools);
        Optional<InstallJob> job = activeJob(id);
        m.put("status", job.isPresent() ? (job.get().progress().phase() == InstallProgress.Phase.QUEUED ? "queued" : "installing")
                : installed != null ? "installed" : "available");
        m.put("installed", installed != null);
        m.put("downloadable", downloadable);
        m.put("downloadBytes", downloadBytes);
        m.put("installedBytes", installedBytes);
        m.put("diskUsageBytes", installed == null ? 0 : installed.diskUsageBytes());
        if (installed != null) m.put("signed", installed.signed());
        job.ifPresent(j -> {
            m.put("jobId", j.jobId());
            m.put("progress", Map.of("percent", j.progress().percent(), "stage", j.progress().phase().name().toLowerCase()));
        });
        return m;
    }

    private Optional<InstallJob> activeJob(String id) {
        return installer.jobs().stream().filter(j -> !j.result().isDone() && id.equals(j.bundleId())).findFirst();
    }

    public boolean isInstalled(String id) throws IOException {
        return installer.installed(id).isPresent();
    }

    /** Queues a catalogue install; returns the job id. */
    public String install(String id, String userId) {
        if (installer.catalogue().find(id).isEmpty()) throw ApiError.notFound("Unknown AI feature bundle '" + id + "'");
        try {
            if (isInstalled(id)) throw ApiError.conflict("AI feature '" + id + "' is already installed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (installer.busy(id)) throw ApiError.conflict("AI feature '" + id + "' is already being installed");
        try {
            return track(userId, id, listener -> installer.installFromCatalogue(id, listener));
        } catch (BundleRejectedException e) {
            throw ApiError.notFound(e.getMessage());
        }
    }

    /** Stores an uploaded bundle on the data volume and queues its install; returns the job id. */
    public String installUpload(InputStream content, String originalName, String userId) throws IOException {
        Path file = installer.newUploadFile();
        try {
            Files.copy(content, file);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        try {
            return track(userId, originalName, listener -> installer.installFile(file, true, listener));
        } catch (BundleRejectedException e) {
            throw new IllegalStateException(e); // file installs are refused inside the job, never here
        }
    }

    private interface Starter {
        InstallJob start(dev.snapotter.bundles.install.ProgressListener listener) throws BundleRejectedException;
    }

    /** Starts a job whose progress goes to the jobs table and the progress hub (SnapOtter's "single" events). */
    private String track(String userId, String input, Starter starter) throws BundleRejectedException {
        String[] jobId = {null};
        java.util.List<InstallProgress> early = new ArrayList<>();
        InstallJob job = starter.start(p -> {
            synchronized (early) {
                if (jobId[0] == null) {
                    early.add(p);
                    return;
                }
            }
            publish(p);
        });
        jobs.insert(job.jobId(), JOB_TYPE, List.of(input), Map.of(), userId);
        synchronized (early) {
            jobId[0] = job.jobId();
            early.forEach(this::publish);
        }
        return job.jobId();
    }

    private void publish(InstallProgress p) {
        String phase = switch (p.phase()) {
            case DONE -> "complete";
            case FAILED, CANCELLED -> "failed";
            default -> "processing";
        };
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("type", "single");
        ev.put("jobId", p.jobId());
        ev.put("phase", phase);
        ev.put("percent", p.percent());
        ev.put("stage", p.phase().name().toLowerCase());
        if (p.bundleId() != null) ev.put("bundleId", p.bundleId());
        if (p.bytesTotal() > 0) {
            ev.put("bytesDone", p.bytesDone());
            ev.put("bytesTotal", p.bytesTotal());
        }
        if (p.error() != null) ev.put("error", p.error());
        switch (p.phase()) {
            case DONE -> jobs.completed(p.jobId(), p.bundleId());
            case FAILED, CANCELLED -> jobs.failed(p.jobId(), p.error());
            case QUEUED -> { }
            default -> {
                jobs.processing(p.jobId());
                jobs.progress(p.jobId(), p.percent() / 100.0);
            }
        }
        hub.publish(p.jobId(), ev, p.terminal());
    }

    /** Cancels a queued or running install. */
    public boolean cancel(String jobId) {
        Optional<InstallJob> j = installer.job(jobId);
        j.ifPresent(InstallJob::cancel);
        return j.isPresent() && !j.get().result().isDone();
    }

    public boolean uninstall(String id) throws IOException {
        try {
            return installer.uninstall(id);
        } catch (IllegalStateException e) {
            throw ApiError.conflict(e.getMessage());
        }
    }

    public void reset() throws IOException {
        try {
            installer.resetAll();
        } catch (IllegalStateException e) {
            throw ApiError.conflict(e.getMessage());
        }
    }

    public Map<String, Object> diskUsage() throws IOException {
        Map<String, Object> per = new LinkedHashMap<>();
        for (InstalledBundle b : installer.installed()) per.put(b.manifest().id(), b.diskUsageBytes());
        return Map.of("totalBytes", installer.totalDiskUsage(), "bundles", per);
    }

    @Override
    public void close() {
        installer.close();
    }
}
