package dev.snapotter.bundles.install;

import dev.snapotter.archive.ArchiveLimits;
import dev.snapotter.archive.UnsafeArchiveException;
import dev.snapotter.bundles.BundleFile;
import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.BundleRejectedException;
import dev.snapotter.bundles.BundleRejectedException.Reason;
import dev.snapotter.bundles.signing.Ed25519Keys;
import dev.snapotter.bundles.testing.TestBundles;
import dev.snapotter.bundles.testing.TestBundles.Entry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.snapotter.bundles.install.InstallerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Installing bundle files: the good path, and every kind of bad bundle refused with nothing left behind. */
class LocalInstallTest {

    @TempDir
    Path tmp;
    Path root;
    KeyPair key = Ed25519Keys.generate();
    BundleInstaller installer;
    SortedMap<String, Long> empty;

    byte[] model = TestBundles.randomBytes(200_000, 7);
    byte[] licence = "MIT\n".getBytes();
    List<Entry> files = List.of(Entry.file("model.onnx", model), Entry.file("LICENSE.md", licence));

    @BeforeEach
    void open() throws Exception {
        root = tmp.resolve("bundles");
        installer = BundleInstaller.open(InstallerFixture.options(root, key));
        empty = TestBundles.snapshot(root);
    }

    private static List<Entry> under(List<Entry> fs) {
        List<Entry> out = new ArrayList<>();
        for (Entry f : fs) out.add(Entry.file("files/" + f.name(), f.content()));
        return out;
    }

    private void assertRefused(Path bundle, Reason reason) {
        InstallJob job = installer.installFile(bundle, false, ProgressListener.NONE);
        assertThatThrownBy(() -> await(job)).isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(job.progress().phase()).isEqualTo(InstallProgress.Phase.FAILED);
        assertThat(TestBundles.snapshot(root)).as("nothing left on disk").isEqualTo(empty);
    }

    /** Refused by the shared archive guards, for the given reason. */
    private void assertUnsafe(Path bundle, UnsafeArchiveException.Reason why) {
        InstallJob job = installer.installFile(bundle, false, ProgressListener.NONE);
        assertThatThrownBy(() -> await(job)).isInstanceOfSatisfying(BundleRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNSAFE_ARCHIVE);
            assertThat(((UnsafeArchiveException) e.getCause()).reason()).isEqualTo(why);
        });
        assertThat(TestBundles.snapshot(root)).as("nothing left on disk").isEqualTo(empty);
    }

    @Test
    void installsASignedBundleAtomicallyWithProgress() throws Throwable {
        Path bundle = TestBundles.signedBundle(tmp, "test-model", key.getPrivate());
        List<InstallProgress> seen = new CopyOnWriteArrayList<>();
        BundleManifest m = await(installer.installFile(bundle, false, seen::add));

        assertThat(m.id()).isEqualTo("test-model");
        Path dir = root.resolve("test-model");
        assertThat(dir.resolve("files/model.onnx")).hasSize(300_000);
        assertThat(dir.resolve(BundleFormat.MANIFEST)).exists();
        assertThat(dir.resolve(BundleFormat.SIGNATURE)).exists();
        assertThat(installer.installed()).singleElement().satisfies(b -> {
            assertThat(b.signed()).isTrue();
            assertThat(b.diskUsageBytes()).isGreaterThan(300_000);
        });
        assertThat(seen).extracting(InstallProgress::phase).contains(InstallProgress.Phase.QUEUED, InstallProgress.Phase.VERIFYING,
                InstallProgress.Phase.ACTIVATING, InstallProgress.Phase.DONE);
        assertThat(seen.getLast().percent()).isEqualTo(100);
        assertThat(Files.list(root.resolve(".staging"))).isEmpty();
        assertThat(root.resolve(".journal.json")).doesNotExist();
        assertThat(bundle).as("the source file is not consumed").exists();
    }

    @Test
    void reinstallReplacesThePreviousVersion() throws Throwable {
        Path bundle = TestBundles.signedBundle(tmp, "test-model", key.getPrivate());
        await(installer.installFile(bundle, false, ProgressListener.NONE));
        long usage = installer.totalDiskUsage();
        await(installer.installFile(bundle, false, ProgressListener.NONE));
        assertThat(installer.totalDiskUsage()).isEqualTo(usage);
        assertThat(Files.list(root.resolve(".trash"))).isEmpty();
    }

    @Test
    void tamperedByteIsRefused() throws Exception {
        BundleManifest m = TestBundles.manifest("test-model", files);
        byte[] tampered = model.clone();
        tampered[123_456] ^= 1;
        assertRefused(TestBundles.signedRaw(tmp.resolve("t.tar.gz"), m, key.getPrivate(),
                under(List.of(Entry.file("model.onnx", tampered), Entry.file("LICENSE.md", licence)))), Reason.HASH_MISMATCH);
    }

    @Test
    void manifestChangedAfterSigningIsRefused() throws Exception {
        BundleManifest m = TestBundles.manifest("test-model", files);
        byte[] sig = dev.snapotter.bundles.signing.ManifestSignature.sign(m.toJson(), key.getPrivate()).toJson();
        BundleManifest edited = new BundleManifest(1, m.id(), m.name(), "9.9.9", m.arch(), m.license(), m.enablesTools(), m.files(), m.minAppVersion());
        List<Entry> all = new ArrayList<>(List.of(Entry.file(BundleFormat.MANIFEST, edited.toJson()), Entry.file(BundleFormat.SIGNATURE, sig)));
        all.addAll(under(files));
        assertRefused(TestBundles.rawArchive(tmp.resolve("b.tar.gz"), all), Reason.BAD_SIGNATURE);
    }

    @Test
    void garbageSignatureIsRefused() throws Exception {
        BundleManifest m = TestBundles.manifest("test-model", files);
        String keyId = Ed25519Keys.keyId(key.getPublic());
        byte[] sig = ("{\"algorithm\":\"Ed25519\",\"keyId\":\"" + keyId + "\",\"signature\":\"AAAA\"}").getBytes();
        List<Entry> all = new ArrayList<>(List.of(Entry.file(BundleFormat.MANIFEST, m.toJson()), Entry.file(BundleFormat.SIGNATURE, sig)));
        all.addAll(under(files));
        assertRefused(TestBundles.rawArchive(tmp.resolve("g.tar.gz"), all), Reason.BAD_SIGNATURE);
    }

    @Test
    void foreignKeyIsRefusedUnlessTheAdminAllowsIt() throws Throwable {
        KeyPair stranger = Ed25519Keys.generate();
        Path bundle = TestBundles.signedBundle(tmp, "test-model", stranger.getPrivate());
        assertRefused(bundle, Reason.FOREIGN_KEY);

        installer.close();
        installer = BundleInstaller.open(InstallerFixture.options(root, key).withAllowUntrusted(() -> true));
        assertThat(await(installer.installFile(bundle, false, ProgressListener.NONE)).id()).isEqualTo("test-model");
    }

    @Test
    void unsignedIsRefused() throws Exception {
        assertRefused(TestBundles.signedBundle(tmp, "test-model", null), Reason.UNSIGNED);
    }

    @Test
    void wrongSizeIsRefused() throws Exception {
        BundleManifest m = TestBundles.manifest("test-model", files);
        byte[] longer = java.util.Arrays.copyOf(model, model.length + 1);
        assertRefused(TestBundles.signedRaw(tmp.resolve("s.tar.gz"), m, key.getPrivate(),
                under(List.of(Entry.file("model.onnx", longer), Entry.file("LICENSE.md", licence)))), Reason.SIZE_MISMATCH);
    }

    @Test
    void traversalEntryIsRefused() throws Exception {
        BundleManifest m = TestBundles.manifest("test-model", files);
        List<Entry> rest = new ArrayList<>(under(files));
        rest.add(1, Entry.file("files/../../../evil.sh", "#!/bin/sh\n".getBytes()));
        assertUnsafe(TestBundles.signedRaw(tmp.resolve("x.tar.gz"), m, key.getPrivate(), rest), UnsafeArchiveException.Reason.PARENT_TRAVERSAL);
        assertThat(tmp.resolve("evil.sh")).doesNotExist();
    }

    @Test
    void absolutePathIsRefused() throws Exception {
        BundleManifest m = TestBundles.manifest("test-model", files);
        List<Entry> rest = new ArrayList<>(under(files));
        rest.add(Entry.file(tmp.resolve("abs-evil").toString(), new byte[]{1}));
        assertUnsafe(TestBundles.signedRaw(tmp.resolve("a.tar.gz"), m, key.getPrivate(), rest), UnsafeArchiveException.Reason.ABSOLUTE_PATH);
        assertThat(tmp.resolve("abs-evil")).doesNotExist();
    }

    @Test
    void symlinkEntryIsRefused() throws Exception {
        BundleManifest m = TestBundles.manifest("test-model", files);
        List<Entry> rest = new ArrayList<>(List.of(Entry.symlink("files/model.onnx", "/etc/passwd")));
        rest.addAll(under(files));
        assertUnsafe(TestBundles.signedRaw(tmp.resolve("l.tar.gz"), m, key.getPrivate(), rest), UnsafeArchiveException.Reason.LINK);
    }

    @Test
    void compressionBombIsRefused() throws Exception {
        byte[] zeros = new byte[32 << 20]; // 32 MiB of zeros: gzip makes ~32 KiB of it, a ratio near 1000
        List<Entry> bomb = List.of(Entry.file("model.onnx", zeros));
        assertUnsafe(TestBundles.signedRaw(tmp.resolve("z.tar.gz"), TestBundles.manifest("test-model", bomb), key.getPrivate(), under(bomb)),
                UnsafeArchiveException.Reason.COMPRESSION_RATIO);
    }

    @Test
    void entryCountCapApplies() throws Throwable {
        installer.close();
        installer = BundleInstaller.open(InstallerFixture.options(root, key).withLimits(new ArchiveLimits(3, 1 << 20, 1 << 22, 50)));
        assertUnsafe(TestBundles.signedBundle(tmp, "test-model", key.getPrivate()), UnsafeArchiveException.Reason.TOO_MANY_ENTRIES); // 4 entries
    }

    @Test
    void missingAndUnlistedFilesAreRefused() throws Exception {
        BundleManifest m = TestBundles.manifest("test-model", files);
        assertRefused(TestBundles.signedRaw(tmp.resolve("m.tar.gz"), m, key.getPrivate(), under(files.subList(0, 1))), Reason.MISSING_FILE);
        List<Entry> extra = new ArrayList<>(under(files));
        extra.add(Entry.file("files/extra.bin", new byte[]{1, 2}));
        assertRefused(TestBundles.signedRaw(tmp.resolve("e.tar.gz"), m, key.getPrivate(), extra), Reason.UNEXPECTED_FILE);
    }

    @Test
    void notABundleIsRefused() throws Exception {
        Path junk = Files.write(tmp.resolve("photo.jpg"), TestBundles.randomBytes(5000, 3));
        assertUnsafe(junk, UnsafeArchiveException.Reason.NOT_AN_ARCHIVE);
        Path noManifest = TestBundles.rawArchive(tmp.resolve("n.tar.gz"), under(files));
        assertRefused(noManifest, Reason.BAD_LAYOUT);
    }

    @Test
    void diskPreCheckIsSizedToTheBundle() throws Throwable {
        installer.close();
        long[] free = {DiskSpace.RESERVE_BYTES + 100_000}; // less than the 300 kB bundle
        installer = BundleInstaller.open(InstallerFixture.options(root, key).withDisk(d -> free[0]));
        Path bundle = TestBundles.signedBundle(tmp, "test-model", key.getPrivate());
        assertRefused(bundle, Reason.INSUFFICIENT_DISK);
        free[0] = DiskSpace.RESERVE_BYTES + 300_100; // just enough for this bundle, nothing like "all bundles"
        assertThat(await(installer.installFile(bundle, false, ProgressListener.NONE)).id()).isEqualTo("test-model");
    }

    @Test
    void appTooOldAndWrongArchAreRefused() throws Exception {
        BundleManifest base = TestBundles.manifest("test-model", files);
        BundleManifest newer = new BundleManifest(1, base.id(), base.name(), base.version(), "any", "MIT", List.of(), base.files(), "99.0.0");
        assertRefused(TestBundles.signedRaw(tmp.resolve("v.tar.gz"), newer, key.getPrivate(), under(files)), Reason.APP_TOO_OLD);
        String other = dev.snapotter.bundles.AppVersion.hostArch().equals("aarch64") ? "x86_64" : "aarch64";
        BundleManifest foreign = new BundleManifest(1, base.id(), base.name(), base.version(), other, "MIT", List.of(), base.files(), "0.1.0");
        assertRefused(TestBundles.signedRaw(tmp.resolve("w.tar.gz"), foreign, key.getPrivate(), under(files)), Reason.WRONG_ARCH);
    }

    @Test
    void uploadedFilesAreDeletedWhateverHappens() throws Throwable {
        Path upload = installer.newUploadFile();
        Files.copy(TestBundles.signedBundle(tmp, "test-model", null), upload);
        assertThatThrownBy(() -> await(installer.installFile(upload, true, ProgressListener.NONE))).isInstanceOf(BundleRejectedException.class);
        assertThat(upload).doesNotExist();
    }

    @Test
    void cancelledQueuedInstallLeavesNothing() throws Throwable {
        Path bundle = TestBundles.signedBundle(tmp, "test-model", key.getPrivate());
        // Block the single worker so the second job is still queued when cancelled.
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        InstallJob first = installer.installFile(bundle, false, p -> {
            if (p.phase() == InstallProgress.Phase.VERIFYING) {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        InstallJob second = installer.installFile(bundle, false, ProgressListener.NONE);
        assertThat(installer.busy(null)).isTrue();
        assertThat(second.progress().phase()).isEqualTo(InstallProgress.Phase.QUEUED);
        second.cancel();
        first.cancel();
        hold.countDown();
        assertThatThrownBy(() -> await(first)).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThatThrownBy(() -> await(second)).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(TestBundles.snapshot(root)).isEqualTo(empty);
    }

    @Test
    void manifestFilesAreValidated() {
        BundleManifest bad = new BundleManifest(1, "x", "X", "1.0", "any", "MIT", List.of(), List.of(new BundleFile("../up", 1, "0".repeat(64))), "0.1.0");
        assertThatThrownBy(bad::validate).isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_MANIFEST));
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        installer.close();
    }
}
