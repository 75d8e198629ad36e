package dev.snapotter.desktop.ai;

import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.BundleRejectedException;
import dev.snapotter.bundles.catalogue.CatalogueEntry;
import dev.snapotter.bundles.install.BundleInstaller;
import dev.snapotter.bundles.install.InstallJob;
import dev.snapotter.bundles.install.InstallProgress;
import dev.snapotter.bundles.install.InstalledBundle;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Callable;

/**
 * The AI panel's state: bundles installed and available with size, licence and disk usage; install
 * from the catalogue or from a file (also dropped on the panel); progress with cancel; uninstall.
 * Listing and removal run on the IO lane; an install runs on the installer's own single worker (one
 * at a time, in order) and reports back on the UI thread.
 */
public final class AiPanelViewModel {

    private final Callable<BundleInstaller> installer;
    private final ShippedBundles shipped;
    private final TaskExecutor executor;
    private final ObservableList<BundleRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty installing = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final LongProperty totalDiskUsage = new SimpleLongProperty();
    private InstallJob current;

    /**
     * @param shipped bundle files that came with the app (the air-gapped kit): listed as "Available offline" and
     *                installed from the file, with no network
     */
    public AiPanelViewModel(Callable<BundleInstaller> installer, ShippedBundles shipped, TaskExecutor executor) {
        this.installer = installer;
        this.shipped = shipped;
        this.executor = executor;
    }

    public ObservableList<BundleRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty installingProperty() {
        return installing;
    }

    /** 0..1 while installing. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The last failure, in words (empty when none). */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyLongProperty totalDiskUsageProperty() {
        return totalDiskUsage;
    }

    private record Snapshot(List<BundleRow> rows, long total) {
    }

    public void refresh() {
        executor.execute(Lane.IO, BackgroundTask.of("ai-bundles-list", ctx -> snapshot(installer.call(), shipped.list()))
                .onSuccess(s -> {
                    rows.setAll(s.rows());
                    totalDiskUsage.set(s.total());
                })
                .onFailure(e -> error.set("Cannot read the AI bundles folder: " + e.getMessage())));
    }

    /** Catalogue bundles first, then installed ones the catalogue does not know, then shipped files of neither. */
    static Snapshot snapshot(BundleInstaller inst, List<ShippedBundle> shippedFiles) throws java.io.IOException {
        List<InstalledBundle> installed = inst.installed();
        List<BundleRow> out = new ArrayList<>();
        for (CatalogueEntry e : inst.catalogue().bundles()) {
            Optional<InstalledBundle> i = installed.stream().filter(b -> b.manifest().id().equals(e.id())).findFirst();
            out.add(new BundleRow(e.id(), e.name(), i.map(b -> b.manifest().version()).orElse(e.version()), e.license(), e.installedBytes(),
                    i.isPresent(), i.map(InstalledBundle::diskUsageBytes).orElse(0L), e.url() != null, i.map(InstalledBundle::signed).orElse(false),
                    shippedFile(shippedFiles, e.id())));
        }
        for (InstalledBundle b : installed) {
            if (inst.catalogue().find(b.manifest().id()).isPresent()) continue;
            var m = b.manifest();
            out.add(new BundleRow(m.id(), m.name(), m.version(), m.license(), m.installedBytes(), true, b.diskUsageBytes(), false, b.signed(),
                    shippedFile(shippedFiles, m.id())));
        }
        for (ShippedBundle f : shippedFiles) {
            if (out.stream().anyMatch(r -> r.id().equals(f.id()))) continue;
            var m = f.manifest();
            // "signed" is only known once the install has checked the signature; the row shows it after that
            out.add(new BundleRow(m.id(), m.name(), m.version(), m.license(), m.installedBytes(), false, 0, false, false, f.file()));
        }
        return new Snapshot(out, inst.totalDiskUsage());
    }

    private static Path shippedFile(List<ShippedBundle> shippedFiles, String id) {
        return shippedFiles.stream().filter(f -> f.id().equals(id)).map(ShippedBundle::file).findFirst().orElse(null);
    }

    /**
     * Installs the bundle of this row: from the file shipped with the app when there is one (no network), else by
     * downloading it from the catalogue.
     */
    public void install(BundleRow row) {
        if (row.availableOffline()) installFile(row.shippedFile());
        else install(row.id());
    }

    /** Downloads and installs a catalogue bundle (the only network access the desktop makes, and only now). */
    public void install(String id) {
        start("Downloading " + id + "…", inst -> inst.installFromCatalogue(id, this::onProgress));
    }

    /** Installs a bundle file (offline); the file itself is left untouched. */
    public void installFile(Path file) {
        start("Installing " + file.getFileName() + "…", inst -> inst.installFile(file, false, this::onProgress));
    }

    /** Whether a dropped or chosen file looks like a bundle (the install checks it properly). */
    public static boolean looksLikeBundle(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(BundleFormat.EXTENSION) || n.endsWith(".tar.gz") || n.endsWith(".tgz");
    }

    private interface Starter {
        InstallJob start(BundleInstaller installer) throws BundleRejectedException;
    }

    private void start(String what, Starter starter) {
        if (installing.get()) {
            error.set("Another install is running; wait for it or cancel it.");
            return;
        }
        error.set("");
        installing.set(true);
        progress.set(0);
        status.set(what);
        executor.execute(Lane.IO, BackgroundTask.of("ai-bundle-install", ctx -> starter.start(installer.call()))
                .onSuccess(job -> {
                    current = job;
                    job.result().whenComplete((m, failure) -> executor.uiThread().run(() -> finished(m == null ? null : m.id(), failure)));
                })
                .onFailure(e -> finished(null, e)));
    }

    private void onProgress(InstallProgress p) {
        executor.uiThread().run(() -> {
            if (p.terminal()) return;
            progress.set(p.percent() / 100.0);
            status.set(switch (p.phase()) {
                case QUEUED -> "Waiting for another install…";
                case DOWNLOADING -> "Downloading… " + BundleRow.humanBytes(p.bytesDone()) + (p.bytesTotal() > 0 ? " of " + BundleRow.humanBytes(p.bytesTotal()) : "");
                case VERIFYING -> "Verifying and unpacking" + (p.bundleId() == null ? "" : " " + p.bundleId()) + "… " + p.percent() + " %";
                case ACTIVATING -> "Activating…";
                default -> status.get();
            });
        });
    }

    private void finished(String id, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        current = null;
        installing.set(false);
        progress.set(0);
        if (cause == null) {
            status.set("Installed " + id + ".");
        } else if (cause instanceof CancellationException) {
            status.set("Install cancelled; nothing was kept.");
        } else {
            status.set("");
            error.set(cause.getMessage());
        }
        refresh();
    }

    public void cancel() {
        InstallJob j = current;
        if (j != null) j.cancel();
    }

    /** Removes every byte of a bundle. */
    public void uninstall(String id) {
        error.set("");
        executor.execute(Lane.IO, BackgroundTask.of("ai-bundle-uninstall", ctx -> installer.call().uninstall(id))
                .onSuccess(removed -> status.set(removed ? "Removed " + id + "." : id + " was not installed."))
                .onFailure(e -> error.set(e.getMessage()))
                .onFinally(this::refresh));
    }
}
