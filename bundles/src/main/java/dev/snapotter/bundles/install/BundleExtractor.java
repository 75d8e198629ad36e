package dev.snapotter.bundles.install;

import dev.snapotter.archive.ArchiveEntry;
import dev.snapotter.archive.ArchiveLimits;
import dev.snapotter.archive.SafeTarReader;
import dev.snapotter.archive.Sha256;
import dev.snapotter.archive.UnsafeArchiveException;
import dev.snapotter.bundles.AppVersion;
import dev.snapotter.bundles.BundleFile;
import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.BundleRejectedException;
import dev.snapotter.bundles.BundleRejectedException.Reason;
import dev.snapotter.bundles.signing.ManifestSignature;
import dev.snapotter.bundles.signing.TrustPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Reads a bundle archive once, in order, and writes it into an empty staging folder — but only what
 * the signed manifest lists: {@code manifest.json} (first), {@code manifest.sig}, then each
 * {@code files/…} entry, whose size must match before a byte is written and whose SHA-256 is checked
 * as it is written. The signature, architecture, app version and free disk space are all checked
 * before the first file is written. The archive-level guards (names, links, devices, caps, ratio)
 * are {@link SafeTarReader}'s. On any failure the caller deletes the staging folder.
 */
final class BundleExtractor {

    /** A fresh extractor per install, so trust settings changed by an administrator apply at once. */
    interface Factory {
        BundleExtractor create();
    }

    /** The outcome: a complete, verified copy in {@code dir}. */
    record Verified(BundleManifest manifest, TrustPolicy.Verdict verdict, Path dir) {
    }

    private final TrustPolicy trust;
    private final ArchiveLimits limits;
    private final String appVersion;
    private final DiskSpace disk;

    BundleExtractor(TrustPolicy trust, ArchiveLimits limits, String appVersion, DiskSpace disk) {
        this.trust = trust;
        this.limits = limits;
        this.appVersion = appVersion;
        this.disk = disk;
    }

    /**
     * @param expectedId  the bundle id the caller asked for (catalogue install), or null (uploaded file)
     * @param onManifest  called once the manifest is trusted, before any file is written
     * @param onBytes     called with the bytes written so far
     */
    Verified extract(InputStream gzipped, Path dir, String expectedId, java.util.function.Consumer<BundleManifest> onManifest,
                     LongConsumer onBytes, BooleanSupplier cancelled) throws BundleRejectedException, IOException {
        State st = new State(dir, expectedId, onManifest, onBytes, cancelled);
        try {
            SafeTarReader.read(gzipped, limits, st::visit);
        } catch (UnsafeArchiveException e) {
            throw new BundleRejectedException(Reason.UNSAFE_ARCHIVE, e.getMessage(), e);
        } catch (Rejected r) {
            throw r.rejection;
        }
        if (st.manifest == null) throw layout("The file is empty or holds no manifest.json; it is not a SnapOtter bundle.");
        st.acceptManifest(); // an archive with manifest (+ signature) and no files at all
        for (BundleFile f : st.manifest.files()) {
            if (!st.written.contains(f.path())) {
                throw new BundleRejectedException(Reason.MISSING_FILE, "The bundle lacks the file '" + f.path() + "' its manifest lists.");
            }
        }
        Files.write(dir.resolve(BundleFormat.MANIFEST), st.manifestBytes);
        if (st.signature != null) Files.write(dir.resolve(BundleFormat.SIGNATURE), st.signature.toJson());
        fsync(dir);
        return new Verified(st.manifest, st.verdict, dir);
    }

    private final class State {
        final Path dir;
        final String expectedId;
        final java.util.function.Consumer<BundleManifest> onManifest;
        final LongConsumer onBytes;
        final BooleanSupplier cancelled;
        byte[] manifestBytes;
        BundleManifest manifest;
        ManifestSignature signature;
        TrustPolicy.Verdict verdict;
        int index;
        long bytes;
        final Set<String> written = new HashSet<>();

        State(Path dir, String expectedId, java.util.function.Consumer<BundleManifest> onManifest, LongConsumer onBytes, BooleanSupplier cancelled) {
            this.dir = dir;
            this.expectedId = expectedId;
            this.onManifest = onManifest;
            this.onBytes = onBytes;
            this.cancelled = cancelled;
        }

        void visit(ArchiveEntry e, InputStream content) throws IOException {
            try {
                visitChecked(e, content);
            } catch (BundleRejectedException r) {
                throw new Rejected(r);
            }
        }

        private void visitChecked(ArchiveEntry e, InputStream content) throws IOException, BundleRejectedException {
            if (cancelled.getAsBoolean()) throw new CancellationException("install cancelled");
            int i = index++;
            if (i == 0) {
                if (!e.name().equals(BundleFormat.MANIFEST) || e.isDirectory()) {
                    throw layout("The first entry of a bundle must be manifest.json, found '" + e.name() + "'; this is not a SnapOtter bundle.");
                }
                manifestBytes = readSmall(content, e.size(), BundleFormat.MAX_MANIFEST_BYTES, "manifest.json");
                manifest = BundleManifest.parse(manifestBytes);
                return;
            }
            if (i == 1 && e.name().equals(BundleFormat.SIGNATURE) && !e.isDirectory()) {
                signature = ManifestSignature.parse(readSmall(content, e.size(), BundleFormat.MAX_SIGNATURE_BYTES, "manifest.sig"));
                return;
            }
            acceptManifest();
            if (e.isDirectory()) {
                if (e.name().equals(BundleFormat.FILES_DIR) || BundleFormat.filePath(e.name()) != null) return;
                throw layout("The bundle holds an unexpected folder '" + e.name() + "'.");
            }
            String path = BundleFormat.filePath(e.name());
            BundleFile f = path == null ? null : manifest.file(path);
            if (f == null) {
                throw new BundleRejectedException(Reason.UNEXPECTED_FILE, "The bundle holds '" + e.name() + "', which its manifest does not list.");
            }
            if (e.size() != f.size()) {
                throw new BundleRejectedException(Reason.SIZE_MISMATCH, "The bundle's file '" + path + "' is " + e.size()
                        + " bytes; its manifest says " + f.size() + ".");
            }
            write(f, content);
        }

        /** Trust, fit and space, decided once, before the first file is written. */
        void acceptManifest() throws BundleRejectedException, IOException {
            if (verdict != null) return;
            verdict = trust.check(manifestBytes, signature);
            if (expectedId != null && !expectedId.equals(manifest.id())) {
                throw new BundleRejectedException(Reason.WRONG_BUNDLE, "Expected bundle '" + expectedId + "' but the file holds '" + manifest.id() + "'.");
            }
            if (!manifest.arch().equals("any") && !manifest.arch().equals(AppVersion.hostArch())) {
                throw new BundleRejectedException(Reason.WRONG_ARCH, "The bundle is built for " + manifest.arch() + "; this machine is " + AppVersion.hostArch() + ".");
            }
            if (!AppVersion.atLeast(appVersion, manifest.minAppVersion())) {
                throw new BundleRejectedException(Reason.APP_TOO_OLD, "The bundle needs SnapOtter " + manifest.minAppVersion()
                        + " or newer; this is " + appVersion + ".");
            }
            disk.require(dir, manifest.installedBytes(), "bundle '" + manifest.id() + "'");
            onManifest.accept(manifest);
        }

        private void write(BundleFile f, InputStream content) throws IOException, BundleRejectedException {
            Path target = dir.resolve(BundleFormat.FILES_DIR).resolve(f.path()).normalize();
            if (!target.startsWith(dir.resolve(BundleFormat.FILES_DIR))) throw new IllegalStateException("manifest path escaped: " + f.path());
            Files.createDirectories(target.getParent());
            MessageDigest md = Sha256.newDigest();
            byte[] buf = new byte[1 << 16];
            long n = 0;
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                for (int r; (r = content.read(buf)) > 0; ) {
                    if (cancelled.getAsBoolean()) throw new CancellationException("install cancelled");
                    n += r;
                    if (n > f.size()) break;
                    md.update(buf, 0, r);
                    out.write(buf, 0, r);
                    bytes += r;
                    onBytes.accept(bytes);
                }
                ch.force(true);
            }
            if (n != f.size()) {
                throw new BundleRejectedException(Reason.SIZE_MISMATCH, "The bundle's file '" + f.path() + "' has " + n + " bytes; its manifest says " + f.size() + ".");
            }
            String actual = Sha256.hex(md.digest());
            if (!actual.equals(f.sha256())) {
                throw new BundleRejectedException(Reason.HASH_MISMATCH, "The bundle's file '" + f.path() + "' is damaged or altered: SHA-256 "
                        + actual + ", its manifest says " + f.sha256() + ".");
            }
            written.add(f.path());
        }
    }

    private static byte[] readSmall(InputStream in, long declared, int max, String what) throws IOException, BundleRejectedException {
        if (declared > max) throw layout("The bundle's " + what + " is " + declared + " bytes, over the limit of " + max + ".");
        return in.readNBytes(max + 1);
    }

    private static BundleRejectedException layout(String message) {
        return new BundleRejectedException(Reason.BAD_LAYOUT, message);
    }

    private static void fsync(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // directories cannot be opened on every platform; the files themselves were forced
        }
    }

    /** Carries a refusal through the archive reader's IOException-only visitor. */
    private static final class Rejected extends IOException {
        final transient BundleRejectedException rejection;

        Rejected(BundleRejectedException r) {
            super(r.getMessage(), null);
            this.rejection = r;
        }
    }
}
