package dev.snapotter.bundles.install;

import dev.snapotter.archive.TreeDeleter;

import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.BundleRejectedException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bundles folder (ADR 0061):
 * <pre>
 * root/&lt;id&gt;/manifest.json, manifest.sig, files/…   installed bundles (ai's ModelLocator reads files/)
 * root/.staging/&lt;random&gt;/                      a bundle being extracted and verified
 * root/.trash/&lt;random&gt;/                        a bundle being removed (renamed here first, then deleted)
 * root/.downloads/&lt;id&gt;.part (+ .part.json)      a resumable download
 * root/.journal.json                            the operation in progress, for crash recovery
 * </pre>
 * Everything of a bundle lives under these paths, so "uninstall" and "reset" can remove every byte.
 */
public final class BundleStore {

    private final Path root;

    public BundleStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path bundleDir(String id) {
        if (!BundleManifest.ID.matcher(id).matches()) throw new IllegalArgumentException("invalid bundle id " + id);
        return root.resolve(id);
    }

    public Path staging() {
        return root.resolve(".staging");
    }

    public Path trash() {
        return root.resolve(".trash");
    }

    public Path downloads() {
        return root.resolve(".downloads");
    }

    public Path journalFile() {
        return root.resolve(".journal.json");
    }

    public void ensureLayout() throws IOException {
        Files.createDirectories(staging());
        Files.createDirectories(trash());
        Files.createDirectories(downloads());
    }

    /** The manifests of every installed bundle (folders without a readable manifest are skipped). */
    public List<BundleManifest> installed() throws IOException {
        List<BundleManifest> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        try (Stream<Path> s = Files.list(root)) {
            for (Path dir : s.sorted().toList()) {
                String name = dir.getFileName().toString();
                if (name.startsWith(".") || !Files.isDirectory(dir)) continue;
                manifestOf(dir).ifPresent(out::add);
            }
        }
        return out;
    }

    public Optional<BundleManifest> installed(String id) throws IOException {
        Path dir = bundleDir(id);
        return Files.isDirectory(dir) ? manifestOf(dir) : Optional.empty();
    }

    private static Optional<BundleManifest> manifestOf(Path dir) throws IOException {
        Path m = dir.resolve(BundleFormat.MANIFEST);
        if (!Files.isRegularFile(m)) return Optional.empty();
        try {
            return Optional.of(BundleManifest.parse(Files.readAllBytes(m)));
        } catch (BundleRejectedException e) {
            return Optional.empty();
        }
    }

    /** Every entry of the root that is not an internal (dot) folder: installed bundles, or debris where one was. */
    public List<Path> bundleDirs() throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Bytes of every regular file under {@code dir} (0 when absent). */
    public static long usage(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        long[] sum = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) sum[0] += attrs.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return sum[0];
    }

    /** Deletes {@code dir} and everything under it; never follows links out of it. */
    public static void deleteTree(Path dir) throws IOException {
        TreeDeleter.delete(dir);
    }

    /** Empties a folder without removing it. */
    static void emptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) deleteTree(p);
        }
    }

    /** Renames within the bundles folder (same file system), atomically. */
    static void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
}
