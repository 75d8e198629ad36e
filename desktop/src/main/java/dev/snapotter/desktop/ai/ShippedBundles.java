package dev.snapotter.desktop.ai;

import dev.snapotter.archive.ArchiveEntry;
import dev.snapotter.archive.ArchiveLimits;
import dev.snapotter.archive.SafeTarReader;
import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.BundleRejectedException;
import dev.snapotter.bundles.install.InstallerOptions;
import dev.snapotter.desktop.app.ShippedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The AI bundle files that ship with the app, so they install with no network: an explicit
 * {@code -Dsnapotter.bundles.dir=DIR}, the {@code bundles/} folder next to the installed app (the kit's
 * {@code install.sh} fills {@code /opt/snapotter/lib/app/bundles/}), or — in a source checkout — the folder
 * {@code ai/scripts/build-bundle.sh} writes ({@code ai/target/bundles/}). The first of these that is a folder is
 * used (places: {@link ShippedFiles}). Everything here reads the disk: call it off the UI thread.
 */
public final class ShippedBundles {

    private static final Logger LOG = LoggerFactory.getLogger(ShippedBundles.class);
    /** An explicit shipped-bundles folder (a kit on a USB stick, tests). */
    public static final String PROPERTY = "snapotter.bundles.dir";
    public static final String FOLDER_NAME = "bundles";
    /** The manifest is the first entry and small; reading stops after it. */
    private static final ArchiveLimits PEEK_LIMITS = InstallerOptions.BUNDLE_LIMITS.withMaxEntryBytes(BundleFormat.MAX_MANIFEST_BYTES);

    private final List<Path> candidates;

    ShippedBundles(List<Path> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /** The places of this JVM (system properties, working folder). */
    public static ShippedBundles detect() {
        return new ShippedBundles(ShippedFiles.candidates(PROPERTY, FOLDER_NAME, checkoutPath()));
    }

    /** Exactly this folder (tests, a kit mounted somewhere). */
    public static ShippedBundles in(Path folder) {
        return new ShippedBundles(List.of(folder));
    }

    /** No shipped bundles at all. */
    public static ShippedBundles none() {
        return new ShippedBundles(List.of());
    }

    /** Every place looked at, in order (tests check the order without touching the real file system). */
    static List<Path> candidates(String explicit, String appPath, Path workDir) {
        return ShippedFiles.candidates(explicit, appPath, workDir, FOLDER_NAME, checkoutPath());
    }

    private static Path checkoutPath() {
        return Path.of("ai", "target", FOLDER_NAME);
    }

    /** The first candidate that is a folder. */
    public Optional<Path> folder() {
        return candidates.stream().filter(Files::isDirectory).findFirst();
    }

    /**
     * The bundle files ({@code *.snapotter-bundle.tar.gz}) in {@link #folder()}, by file name. A file whose manifest
     * cannot be read is left out with a warning (choosing it with "Install from file…" shows the exact reason).
     */
    public List<ShippedBundle> list() throws IOException {
        Optional<Path> dir = folder();
        if (dir.isEmpty()) return List.of();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.get())) {
            files = s.filter(f -> f.getFileName().toString().endsWith(BundleFormat.EXTENSION) && Files.isRegularFile(f)).sorted().toList();
        }
        List<ShippedBundle> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(new ShippedBundle(f, readManifest(f)));
            } catch (IOException | BundleRejectedException e) {
                LOG.warn("Shipped AI bundle {} is not usable: {}", f, e.getMessage());
            }
        }
        return out;
    }

    /** The shipped file of bundle {@code id}, or null. */
    static Path fileFor(List<ShippedBundle> shippedFiles, String id) {
        return shippedFiles.stream().filter(f -> f.id().equals(id)).map(ShippedBundle::file).findFirst().orElse(null);
    }

    /** Adds a not-installed row for every shipped file whose bundle {@code rows} does not list yet. */
    static void addUnlisted(List<BundleRow> rows, List<ShippedBundle> shippedFiles) {
        for (ShippedBundle f : shippedFiles) {
            if (rows.stream().anyMatch(r -> r.id().equals(f.id()))) continue;
            var m = f.manifest();
            // "signed" is only known once the install has checked the signature; the row shows it after that
            rows.add(new BundleRow(m.id(), m.name(), m.version(), m.license(), m.installedBytes(), false, 0, false, false, f.file()));
        }
    }

    /** Reads only the first entry, which must be {@value BundleFormat#MANIFEST} (the format puts it there). */
    static BundleManifest readManifest(Path file) throws IOException, BundleRejectedException {
        try (InputStream in = Files.newInputStream(file)) {
            SafeTarReader.read(in, PEEK_LIMITS, ShippedBundles::stopAtManifest);
        } catch (ManifestFound found) {
            return BundleManifest.parse(found.json);
        }
        throw new IOException("it holds no " + BundleFormat.MANIFEST);
    }

    private static void stopAtManifest(ArchiveEntry entry, InputStream content) throws IOException {
        if (entry.isDirectory() || !entry.name().equals(BundleFormat.MANIFEST)) {
            throw new IOException("its first entry is '" + entry.name() + "', not " + BundleFormat.MANIFEST);
        }
        throw new ManifestFound(content.readNBytes(BundleFormat.MAX_MANIFEST_BYTES));
    }

    /** Ends the read after the first entry: the rest (the model files) is not needed to list the bundle. */
    private static final class ManifestFound extends IOException {

        private final transient byte[] json;

        ManifestFound(byte[] json) {
            super("manifest read");
            this.json = json;
        }
    }
}
