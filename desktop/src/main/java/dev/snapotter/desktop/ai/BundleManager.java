package dev.snapotter.desktop.ai;

import dev.snapotter.bundles.install.InstallProgress;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where the AI panel's bundles live and how they are changed: this computer's own folder ({@link LocalBundles},
 * Local-engine mode) or a SnapOtter server through its API ({@link ServerBundles}, local container or remote).
 * Every method may block (disk, network): the ViewModel calls them on a background lane.
 */
public interface BundleManager {

    /** The bundles to show (installed and available) and what the installed ones use on disk together. */
    record Listing(List<BundleRow> rows, long totalDiskUsageBytes) {
    }

    /** A queued or running install: completes with the installed bundle's id, or with why not. */
    interface Install {
        /** Completes normally with the bundle id; exceptionally with the reason, a CancellationException when cancelled. */
        CompletableFuture<String> result();

        /** Stops the install; nothing is kept. Returns at once (any network call runs elsewhere). */
        void cancel();
    }

    /** For the window's title and intro: "this computer" or "the server at …". */
    String place();

    /** True when the bundles are on a server (installs there affect every user of it). */
    boolean onServer();

    Listing list() throws Exception;

    /** Installs a catalogue bundle (downloaded by whoever holds the bundles: the desktop, or the server). */
    Install installFromCatalogue(String id, Consumer<InstallProgress> progress) throws Exception;

    /** Installs a bundle file; the file itself is left untouched. */
    Install installFile(Path file, Consumer<InstallProgress> progress) throws Exception;

    /** Removes every byte of a bundle; false when it was not installed. */
    boolean uninstall(String id) throws Exception;
}
