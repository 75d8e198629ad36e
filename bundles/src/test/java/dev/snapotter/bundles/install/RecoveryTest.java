package dev.snapotter.bundles.install;

import dev.snapotter.bundles.signing.Ed25519Keys;
import dev.snapotter.bundles.testing.TestBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.SortedMap;

import static dev.snapotter.bundles.install.InstallerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes simulated by leaving exactly what a killed process leaves (journal, staging folder, trash,
 * part files), then opening a new installer on the same folder.
 */
class RecoveryTest {

    @TempDir
    Path tmp;
    KeyPair key = Ed25519Keys.generate();

    private Path root() {
        return tmp.resolve("bundles");
    }

    private SortedMap<String, Long> emptyLayout() throws Exception {
        Path clean = tmp.resolve("clean");
        BundleInstaller.open(InstallerFixture.options(clean, key)).close();
        return TestBundles.snapshot(clean);
    }

    @Test
    void crashWhileExtractingIsRolledBack() throws Exception {
        BundleStore store = new BundleStore(root());
        store.ensureLayout();
        Path staging = Files.createDirectories(store.staging().resolve("abc/files"));
        Files.write(staging.resolve("model.onnx"), new byte[12345]); // half-written file
        new Journal("install", "extracting", "test-model", "abc", null).write(store.journalFile());
        Files.write(store.downloads().resolve("upload-1234.tmp"), new byte[100]); // abandoned upload
        Files.write(store.downloads().resolve("orphan.part"), new byte[100]); // part without its .json

        try (BundleInstaller installer = BundleInstaller.open(InstallerFixture.options(root(), key))) {
            assertThat(installer.recovered()).anyMatch(s -> s.contains("rolled back"));
            assertThat(installer.installed()).isEmpty();
        }
        assertThat(TestBundles.snapshot(root())).isEqualTo(emptyLayout());
    }

    @Test
    void verifiedBundleCaughtMidSwitchIsCompleted() throws Throwable {
        // Install once into a scratch folder to get a genuine verified bundle folder, then stage it.
        Path scratch = tmp.resolve("scratch");
        try (BundleInstaller i = BundleInstaller.open(InstallerFixture.options(scratch, key))) {
            await(i.installFile(TestBundles.signedBundle(tmp, "test-model", key.getPrivate()), false, ProgressListener.NONE));
        }
        BundleStore store = new BundleStore(root());
        store.ensureLayout();
        Files.move(scratch.resolve("test-model"), store.staging().resolve("s1"));
        new Journal("install", "switching", "test-model", "s1", null).write(store.journalFile());

        try (BundleInstaller installer = BundleInstaller.open(InstallerFixture.options(root(), key))) {
            assertThat(installer.recovered()).anyMatch(s -> s.contains("completed the install of test-model"));
            assertThat(installer.installed()).extracting(b -> b.manifest().id()).containsExactly("test-model");
        }
        assertThat(store.journalFile()).doesNotExist();
        assertThat(Files.list(store.staging())).isEmpty();
    }

    @Test
    void previousVersionIsRestoredWhenItsReplacementNeverArrived() throws Throwable {
        BundleStore store = new BundleStore(root());
        try (BundleInstaller i = BundleInstaller.open(InstallerFixture.options(root(), key))) {
            await(i.installFile(TestBundles.signedBundle(tmp, "test-model", key.getPrivate()), false, ProgressListener.NONE));
        }
        // killed after "old version → trash" and before "staging → place"; the staging folder was lost
        Files.move(store.bundleDir("test-model"), store.trash().resolve("test-model-old"));
        new Journal("install", "switching", "test-model", "gone", "test-model-old").write(store.journalFile());

        try (BundleInstaller installer = BundleInstaller.open(InstallerFixture.options(root(), key))) {
            assertThat(installer.recovered()).anyMatch(s -> s.contains("restored the previous version"));
            assertThat(installer.installed()).hasSize(1);
        }
        assertThat(Files.list(store.trash())).isEmpty();
    }

    @Test
    void interruptedUninstallIsCompleted() throws Throwable {
        BundleStore store = new BundleStore(root());
        try (BundleInstaller i = BundleInstaller.open(InstallerFixture.options(root(), key))) {
            await(i.installFile(TestBundles.signedBundle(tmp, "test-model", key.getPrivate()), false, ProgressListener.NONE));
        }
        // killed halfway through deleting the renamed folder
        Path trashed = store.trash().resolve("test-model-x");
        Files.move(store.bundleDir("test-model"), trashed);
        Files.delete(trashed.resolve("files/LICENSE.md"));
        new Journal("uninstall", "switching", "test-model", null, "test-model-x").write(store.journalFile());

        try (BundleInstaller installer = BundleInstaller.open(InstallerFixture.options(root(), key))) {
            assertThat(installer.installed()).isEmpty();
        }
        assertThat(TestBundles.snapshot(root())).isEqualTo(emptyLayout());
    }

    @Test
    void resumablePartFilesAreKept() throws Exception {
        BundleStore store = new BundleStore(root());
        store.ensureLayout();
        Files.write(store.downloads().resolve("background-removal.part"), new byte[4096]);
        Files.writeString(store.downloads().resolve("background-removal.part.json"), "{\"url\":\"https://github.com/x\",\"maxBytes\":9000}");
        try (BundleInstaller installer = BundleInstaller.open(InstallerFixture.options(root(), key))) {
            assertThat(installer.recovered()).anyMatch(s -> s.contains("to resume"));
        }
        assertThat(store.downloads().resolve("background-removal.part")).hasSize(4096);
    }
}
