package dev.snapotter.bundles.install;

/** Receives install progress on the installer's worker thread; must return quickly. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> { };

    void onProgress(InstallProgress progress);
}
