package dev.snapotter.desktop.ai;

import dev.snapotter.bundles.catalogue.AllowedOrigins;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.catalogue.CatalogueEntry;
import dev.snapotter.bundles.install.BundleInstaller;
import dev.snapotter.bundles.install.InstallerOptions;
import dev.snapotter.bundles.signing.Ed25519Keys;
import dev.snapotter.bundles.signing.TrustedKeys;
import dev.snapotter.bundles.testing.TestBundles;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The AI panel's ViewModel on a real installer in a temp folder (same-thread task executor, no toolkit). */
class AiPanelViewModelTest {

    @TempDir
    Path tmp;
    KeyPair key = Ed25519Keys.generate();
    BundleInstaller installer;
    AiPanelViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        CatalogueEntry known = new CatalogueEntry("background-removal", "Background removal", "", "1.4.5", "AGPL-3.0", "any",
                List.of("remove-background"), null, 44_376_799L, "https://github.com/x/y.tar.gz", null);
        installer = BundleInstaller.open(InstallerOptions.defaults(tmp.resolve("ai"), "0.1.0")
                .withCatalogue(new Catalogue(1, new AllowedOrigins(List.of("https://github.com")), List.of(known)))
                .withTrustedKeys(TrustedKeys.of(key.getPublic())));
        vm = new AiPanelViewModel(() -> installer, new DirectTaskExecutor((name, e) -> { throw new AssertionError(name, e); }));
    }

    @AfterEach
    void tearDown() {
        installer.close();
    }

    @Test
    void listsCatalogueBundlesWithSizeAndLicence() {
        vm.refresh();
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("background-removal");
            assertThat(r.license()).isEqualTo("AGPL-3.0");
            assertThat(r.sizeBytes()).isEqualTo(44_376_799L);
            assertThat(r.installed()).isFalse();
            assertThat(BundleRow.humanBytes(r.sizeBytes())).isEqualTo("42.3 MB");
        });
    }

    @Test
    void installFromFileThenUninstallGivesTheDiskBack() throws Exception {
        vm.refresh();
        long before = vm.totalDiskUsageProperty().get();
        vm.installFile(TestBundles.signedBundle(tmp, "test-model", key.getPrivate()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !vm.installingProperty().get());
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("Installed test-model");
        assertThat(vm.rows()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("test-model");
            assertThat(r.installed()).isTrue();
            assertThat(r.signed()).isTrue();
            assertThat(r.diskUsageBytes()).isGreaterThan(300_000);
        });

        vm.uninstall("test-model");
        assertThat(vm.rows()).noneMatch(r -> r.id().equals("test-model"));
        assertThat(vm.totalDiskUsageProperty().get()).isEqualTo(before);
    }

    @Test
    void aRefusedBundleShowsWhyAndInstallsNothing() throws Exception {
        vm.installFile(TestBundles.signedBundle(tmp, "test-model", Ed25519Keys.generate().getPrivate()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !vm.installingProperty().get());
        assertThat(vm.errorProperty().get()).contains("does not trust");
        assertThat(vm.rows()).noneMatch(BundleRow::installed);
    }

    @Test
    void onlyBundleLikeFilesAreAcceptedByDrop() {
        assertThat(AiPanelViewModel.looksLikeBundle(Path.of("background-removal-1.4.5.snapotter-bundle.tar.gz"))).isTrue();
        assertThat(AiPanelViewModel.looksLikeBundle(Path.of("photo.jpg"))).isFalse();
    }
}
