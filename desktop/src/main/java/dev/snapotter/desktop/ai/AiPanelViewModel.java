package dev.snapotter.desktop.ai;

import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.install.BundleInstaller;
import dev.snapotter.bundles.install.InstallProgress;
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
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Callable;

/**
 * The AI panel's state: bundles installed and available with size, licence and disk usage; install
 * from the catalogue or from a file (also dropped on the panel or the main window); progress with cancel; uninstall.
 * The bundles are wherever the {@link BundleManager} keeps them: this computer's folder or a server. Listing and
 * removal run on the IO lane; an install runs on the manager's own worker (one at a time) and reports back on the UI
 * thread.
 */
public final class AiPanelViewModel {

    private final BundleManager bundles;
    private final TaskExecutor executor;
    private final ObservableList<BundleRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty installing = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final LongProperty totalDiskUsage = new SimpleLongProperty();
    private BundleManager.Install current;
    private boolean cancelRequested;

    /**
     * @param shipped bundle files that came with the app (the air-gapped kit): listed as "Available offline" and
     *                installed from the file, with no network
     */
    public AiPanelViewModel(Callable<BundleInstaller> installer, ShippedBundles shipped, TaskExecutor executor) {
        this(new LocalBundles(installer, shipped), executor);
    }

    public AiPanelViewModel(BundleManager bundles, TaskExecutor executor) {
        this.bundles = bundles;
        this.executor = executor;
    }

    public BundleManager bundles() {
        return bundles;
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

    public void refresh() {
        executor.execute(Lane.IO, BackgroundTask.of("ai-bundles-list", ctx -> bundles.list())
                .onSuccess(s -> {
                    rows.setAll(s.rows());
                    totalDiskUsage.set(s.totalDiskUsageBytes());
                })
                .onFailure(e -> error.set((bundles.onServer() ? "Cannot read the AI bundles of " + bundles.place()
                        : "Cannot read the AI bundles folder") + ": " + e.getMessage())));
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
        start((bundles.onServer() ? "The server downloads " : "Downloading ") + id + "…", b -> b.installFromCatalogue(id, this::onProgress));
    }

    /** Installs a bundle file (offline); the file itself is left untouched. */
    public void installFile(Path file) {
        start((bundles.onServer() ? "Uploading " + file.getFileName() + " to the server…" : "Installing " + file.getFileName() + "…"),
                b -> b.installFile(file, this::onProgress));
    }

    /** Whether a dropped or chosen file looks like a bundle (the install checks it properly). */
    public static boolean looksLikeBundle(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(BundleFormat.EXTENSION) || n.endsWith(".tar.gz") || n.endsWith(".tgz");
    }

    /**
     * Whether a file dropped on the main window is an AI bundle ({@value BundleFormat#EXTENSION}) rather than an image:
     * stricter than {@link #looksLikeBundle}, so no other archive is taken away from the image queue.
     */
    public static boolean isBundleFile(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(BundleFormat.EXTENSION);
    }

    private interface Starter {
        BundleManager.Install start(BundleManager bundles) throws Exception;
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
        cancelRequested = false;
        executor.execute(Lane.IO, BackgroundTask.of("ai-bundle-install", ctx -> starter.start(bundles))
                .onSuccess(job -> {
                    current = job;
                    if (cancelRequested) job.cancel();
                    job.result().whenComplete((id, failure) -> executor.uiThread().run(() -> finished(id, failure)));
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
        BundleManager.Install j = current;
        if (j != null) j.cancel();
        else if (installing.get()) cancelRequested = true; // the install is still being started
    }

    /** Removes every byte of a bundle. */
    public void uninstall(String id) {
        error.set("");
        executor.execute(Lane.IO, BackgroundTask.of("ai-bundle-uninstall", ctx -> bundles.uninstall(id))
                .onSuccess(removed -> status.set(removed ? "Removed " + id + "." : id + " was not installed."))
                .onFailure(e -> error.set(e.getMessage()))
                .onFinally(this::refresh));
    }
}
