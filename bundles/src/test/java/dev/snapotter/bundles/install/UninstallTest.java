package dev.snapotter.bundles.install;

import dev.snapotter.bundles.signing.Ed25519Keys;
import dev.snapotter.bundles.testing.TestBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.SortedMap;

import static dev.snapotter.bundles.install.InstallerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Uninstall and reset give back every byte (SnapOtter's uninstall left venvs and models behind, §7 #1). */
class UninstallTest {

    @TempDir
    Path tmp;
    KeyPair key = Ed25519Keys.generate();

    @Test
    void uninstallReturnsDiskUsageToThePreInstallFigure() throws Throwable {
        Path root = tmp.resolve("bundles");
        try (BundleInstaller installer = BundleInstaller.open(InstallerFixture.options(root, key))) {
            long before = installer.totalDiskUsage();
            SortedMap<String, Long> tree = TestBundles.snapshot(root);

            await(installer.installFile(TestBundles.signedBundle(tmp, "test-model", key.getPrivate()), false, ProgressListener.NONE));
            long installed = installer.totalDiskUsage();
            assertThat(installed - before).isGreaterThan(300_000);
            assertThat(installer.installed("test-model")).get().extracting(InstalledBundle::diskUsageBytes).isEqualTo(installed - before);

            assertThat(installer.uninstall("test-model")).isTrue();
            assertThat(installer.totalDiskUsage()).isEqualTo(before);
            assertThat(TestBundles.snapshot(root)).as("same files and folders as before the install").isEqualTo(tree);
            assertThat(installer.uninstall("test-model")).as("second uninstall is a no-op").isFalse();
        }
    }

    @Test
    void resetRemovesEveryBundleAndPartialDownload() throws Throwable {
        Path root = tmp.resolve("bundles");
        try (BundleInstaller installer = BundleInstaller.open(InstallerFixture.options(root, key))) {
            SortedMap<String, Long> tree = TestBundles.snapshot(root);
            await(installer.installFile(TestBundles.signedBundle(tmp, "model-a", key.getPrivate()), false, ProgressListener.NONE));
            await(installer.installFile(TestBundles.signedBundle(tmp, "model-b", key.getPrivate()), false, ProgressListener.NONE));
            java.nio.file.Files.write(root.resolve(".downloads/model-c.part"), new byte[1000]);
            assertThat(installer.installed()).hasSize(2);

            installer.resetAll();
            assertThat(installer.installed()).isEmpty();
            assertThat(TestBundles.snapshot(root)).isEqualTo(tree);
        }
    }

    @Test
    void changeListenerHearsInstallAndUninstall() throws Throwable {
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        try (BundleInstaller installer = BundleInstaller.open(InstallerFixture.options(tmp.resolve("b"), key).withOnChange(changes::incrementAndGet))) {
            await(installer.installFile(TestBundles.signedBundle(tmp, "test-model", key.getPrivate()), false, ProgressListener.NONE));
            installer.uninstall("test-model");
        }
        assertThat(changes).hasValue(2);
    }
}
