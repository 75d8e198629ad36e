package dev.snapotter.desktop.ai;

import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.catalogue.CatalogueEntry;
import dev.snapotter.bundles.install.BundleInstaller;
import dev.snapotter.bundles.install.InstallJob;
import dev.snapotter.bundles.install.InstallProgress;
import dev.snapotter.bundles.install.InstalledBundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Bundles in this computer's own data folder (Local-engine mode): the desktop's {@link BundleInstaller} plus the
 * bundle files shipped with the app (the air-gapped kit), listed as "Available offline" and installed from the file.
 */
public final class LocalBundles implements BundleManager {

    private final Callable<BundleInstaller> installer;
    private final ShippedBundles shipped;

    public LocalBundles(Callable<BundleInstaller> installer, ShippedBundles shipped) {
        this.installer = installer;
        this.shipped = shipped;
    }

    @Override
    public String place() {
        return "this computer";
    }

    @Override
    public boolean onServer() {
        return false;
    }

    @Override
    public Listing list() throws Exception {
        return listing(installer.call(), shipped.list());
    }

    /** Catalogue bundles first, then installed ones the catalogue does not know, then shipped files of neither. */
    static Listing listing(BundleInstaller inst, List<ShippedBundle> shippedFiles) throws IOException {
        List<InstalledBundle> installed = inst.installed();
        List<BundleRow> out = new ArrayList<>();
        for (CatalogueEntry e : inst.catalogue().bundles()) {
            Optional<InstalledBundle> i = installed.stream().filter(b -> b.manifest().id().equals(e.id())).findFirst();
            out.add(new BundleRow(e.id(), e.name(), i.map(b -> b.manifest().version()).orElse(e.version()), e.license(), e.installedBytes(),
                    i.isPresent(), i.map(InstalledBundle::diskUsageBytes).orElse(0L), e.url() != null, i.map(InstalledBundle::signed).orElse(false),
                    ShippedBundles.fileFor(shippedFiles, e.id())));
        }
        for (InstalledBundle b : installed) {
            if (inst.catalogue().find(b.manifest().id()).isPresent()) continue;
            var m = b.manifest();
            out.add(new BundleRow(m.id(), m.name(), m.version(), m.license(), m.installedBytes(), true, b.diskUsageBytes(), false, b.signed(),
                    ShippedBundles.fileFor(shippedFiles, m.id())));
        }
        ShippedBundles.addUnlisted(out, shippedFiles);
        return new Listing(out, inst.totalDiskUsage());
    }

    @Override
    public Install installFromCatalogue(String id, Consumer<InstallProgress> progress) throws Exception {
        return of(installer.call().installFromCatalogue(id, progress::accept));
    }

    @Override
    public Install installFile(Path file, Consumer<InstallProgress> progress) throws Exception {
        return of(installer.call().installFile(file, false, progress::accept));
    }

    private static Install of(InstallJob job) {
        CompletableFuture<String> id = job.result().thenApply(BundleManifest::id);
        return new Install() {
            @Override
            public CompletableFuture<String> result() {
                return id;
            }

            @Override
            public void cancel() {
                job.cancel();
            }
        };
    }

    @Override
    public boolean uninstall(String id) throws Exception {
        return installer.call().uninstall(id);
    }
}
