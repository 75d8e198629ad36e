package dev.snapotter.bundles.testing;

import dev.snapotter.archive.Sha256;
import dev.snapotter.bundles.BundleFile;
import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.build.BundleBuilder;
import dev.snapotter.bundles.signing.ManifestSignature;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Bundles for tests: real signed bundles made with {@link BundleBuilder}, and hostile ones written
 * entry by entry with commons-compress (the product's own writer refuses to produce them).
 */
public final class TestBundles {

    private TestBundles() {
    }

    /** Incompressible bytes (so the ratio guard never trips on good bundles). */
    public static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A signed (key != null) bundle "test-model" with two files of random bytes. */
    public static Path signedBundle(Path dir, String id, PrivateKey key) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + id));
        Files.write(src.resolve("model.onnx"), randomBytes(300_000, 1));
        Files.write(src.resolve("LICENSE.md"), "Test licence\n".getBytes());
        Path out = dir.resolve(id + BundleFormat.EXTENSION);
        new BundleBuilder(id, "Test " + id, "1.0.0").license("MIT").enablesTool("remove-background")
                .file("model.onnx", src.resolve("model.onnx")).file("LICENSE.md", src.resolve("LICENSE.md")).write(out, key);
        return out;
    }

    /** One raw entry of a hand-made archive. */
    public record Entry(String name, byte[] content, String linkTarget, boolean directory) {
        public static Entry file(String name, byte[] content) {
            return new Entry(name, content, null, false);
        }

        public static Entry symlink(String name, String target) {
            return new Entry(name, new byte[0], target, false);
        }

        public static Entry dir(String name) {
            return new Entry(name, new byte[0], null, true);
        }
    }

    /** Writes entries exactly as given (no name checks): for hostile archives. */
    public static Path rawArchive(Path out, List<Entry> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(os))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry t;
                if (e.linkTarget() != null) {
                    t = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_SYMLINK, true);
                    t.setLinkName(e.linkTarget());
                } else {
                    t = new TarArchiveEntry(e.directory() ? e.name() + "/" : e.name(), true);
                    if (!e.directory()) t.setSize(e.content().length);
                }
                tar.putArchiveEntry(t);
                if (!e.directory() && e.linkTarget() == null) tar.write(e.content());
                tar.closeArchiveEntry();
            }
        }
        return out;
    }

    /** A manifest for the given files (path → content). */
    public static BundleManifest manifest(String id, List<Entry> files) {
        List<BundleFile> list = new ArrayList<>();
        for (Entry f : files) list.add(new BundleFile(f.name(), f.content().length, Sha256.of(f.content())));
        return new BundleManifest(1, id, "Test " + id, "1.0.0", "any", "MIT", List.of(), list, "0.1.0");
    }

    /** manifest.json + signature (when key != null) + the given entries, raw. */
    public static Path signedRaw(Path out, BundleManifest m, PrivateKey key, List<Entry> rest) throws IOException {
        byte[] mb = m.toJson();
        List<Entry> all = new ArrayList<>();
        all.add(Entry.file(BundleFormat.MANIFEST, mb));
        if (key != null) all.add(Entry.file(BundleFormat.SIGNATURE, ManifestSignature.sign(mb, key).toJson()));
        all.addAll(rest);
        return rawArchive(out, all);
    }

    /** Every path under {@code root} with its size (-1 for folders): equal snapshots = identical trees. */
    public static TreeMap<String, Long> snapshot(Path root) {
        TreeMap<String, Long> out = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    out.put(root.relativize(d).toString() + "/", -1L);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    out.put(root.relativize(f).toString(), a.size());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
