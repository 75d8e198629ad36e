package dev.snapotter.bundles.install;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Startup clean-up after a crash or power cut (SnapOtter only deleted its temp files and left
 * half-installed bundles reported as installed). Reads the journal and finishes what can be finished:
 * a verified bundle caught mid-switch is moved into place, an interrupted uninstall or reset is
 * completed, a replaced version is restored when its successor never arrived. Then every staging and
 * trash folder is emptied and download fragments without their {@code .part.json} are deleted; a part
 * file with it is kept and resumed by the next install of that bundle.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    /** Returns what was done, one line per action (empty after a clean shutdown). */
    static List<String> run(BundleStore store) throws IOException {
        List<String> done = new ArrayList<>();
        Optional<Journal> journal = Journal.read(store.journalFile());
        if (journal.isPresent()) finish(store, journal.get(), done);
        Journal.clear(store.journalFile());
        if (!isEmpty(store.staging())) done.add("removed unfinished staging folders");
        BundleStore.emptyDir(store.staging());
        if (!isEmpty(store.trash())) done.add("removed leftovers of removed bundles");
        BundleStore.emptyDir(store.trash());
        cleanDownloads(store.downloads(), done);
        done.forEach(d -> LOG.info("Bundle recovery: {}", d));
        return done;
    }

    private static void finish(BundleStore store, Journal j, List<String> done) throws IOException {
        String id = j.bundleId();
        switch (j.op()) {
            case "install" -> {
                if (!"switching".equals(j.phase()) || id == null) {
                    done.add("rolled back an install interrupted while verifying" + (id == null ? "" : " (" + id + ")"));
                    return;
                }
                Path target = store.bundleDir(id);
                Path staged = j.staging() == null ? null : store.staging().resolve(j.staging());
                Path previous = j.trash() == null ? null : store.trash().resolve(j.trash());
                if (!Files.exists(target) && staged != null && Files.isDirectory(staged)) {
                    BundleStore.rename(staged, target);
                    done.add("completed the install of " + id + " (verified before the interruption)");
                } else if (!Files.exists(target) && previous != null && Files.isDirectory(previous)) {
                    BundleStore.rename(previous, target);
                    done.add("restored the previous version of " + id);
                } else {
                    done.add("confirmed the install of " + id);
                }
            }
            case "uninstall" -> {
                if (id != null && Files.exists(store.bundleDir(id))) BundleStore.deleteTree(store.bundleDir(id));
                done.add("completed the removal of " + id);
            }
            case "reset" -> {
                for (Path dir : store.bundleDirs()) BundleStore.deleteTree(dir);
                BundleStore.emptyDir(store.downloads());
                done.add("completed the reset of all bundles");
            }
            default -> done.add("ignored an unknown journal entry " + j.op());
        }
    }

    private static void cleanDownloads(Path downloads, List<String> done) throws IOException {
        if (!Files.isDirectory(downloads)) return;
        try (Stream<Path> s = Files.list(downloads)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                boolean resumable = name.endsWith(".part") && Files.exists(p.resolveSibling(name + ".json"))
                        || name.endsWith(".part.json") && Files.exists(p.resolveSibling(name.substring(0, name.length() - 5)));
                if (resumable) {
                    if (name.endsWith(".part")) done.add("kept " + name + " (" + Files.size(p) + " bytes) to resume its download");
                    continue;
                }
                BundleStore.deleteTree(p);
                done.add("deleted " + name);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return true;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
