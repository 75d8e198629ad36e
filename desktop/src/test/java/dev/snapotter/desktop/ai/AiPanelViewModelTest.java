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

import dev.snapotter.bundles.BundleFormat;

import java.nio.file.Files;
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
        vm = new AiPanelViewModel(() -> installer, ShippedBundles.none(), new DirectTaskExecutor((name, e) -> { throw new AssertionError(name, e); }));
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
    void aBundleShippedWithTheAppIsListedAndInstallsFromItsFileWithNoNetwork() throws Exception {
        // the kit's layout: install.sh copies the bundles next to the installed app
        Path shippedDir = Files.createDirectories(tmp.resolve("opt/snapotter/lib/app/bundles"));
        Path file = Files.move(TestBundles.signedBundle(tmp, "test-model", key.getPrivate()),
                shippedDir.resolve("test-model-1.0.0" + BundleFormat.EXTENSION));
        Files.writeString(shippedDir.resolve("broken" + BundleFormat.EXTENSION), "not a bundle"); // listed by nobody
        vm = new AiPanelViewModel(() -> installer, ShippedBundles.in(shippedDir),
                new DirectTaskExecutor((name, e) -> { throw new AssertionError(name, e); }));

        vm.refresh();
        assertThat(vm.errorProperty().get()).isEmpty();
        BundleRow row = vm.rows().stream().filter(r -> r.id().equals("test-model")).findFirst().orElseThrow();
        assertThat(row.status()).isEqualTo("Available offline");
        assertThat(row.installable()).isTrue();
        assertThat(row.downloadable()).as("not in the catalogue").isFalse();
        assertThat(row.sizeBytes()).isGreaterThan(300_000);
        assertThat(vm.rows()).extracting(BundleRow::id).containsExactly("background-removal", "test-model");

        vm.install(row);
        await().atMost(Duration.ofSeconds(30)).until(() -> !vm.installingProperty().get());
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.rows()).filteredOn(r -> r.id().equals("test-model")).singleElement().satisfies(r -> {
            assertThat(r.installed()).isTrue();
            assertThat(r.signed()).isTrue();
            assertThat(r.status()).isEqualTo("Installed");
            assertThat(r.installable()).isFalse();
        });
        assertThat(file).as("the shipped file is left as it was").exists();
    }

    @Test
    void aCatalogueBundleThatAlsoShipsWithTheAppInstallsFromTheFileNotTheUrl() throws Exception {
        Path shippedDir = Files.createDirectories(tmp.resolve("kit/bundles"));
        Path file = TestBundles.signedBundle(tmp.resolve("kit"), "background-removal", key.getPrivate());
        Files.move(file, shippedDir.resolve(file.getFileName()));
        vm = new AiPanelViewModel(() -> installer, ShippedBundles.in(shippedDir),
                new DirectTaskExecutor((name, e) -> { throw new AssertionError(name, e); }));
        vm.refresh();
        BundleRow row = vm.rows().getFirst();
        assertThat(row.id()).isEqualTo("background-removal");
        assertThat(row.availableOffline()).isTrue();
        assertThat(row.downloadable()).isTrue();

        // the catalogue's URL (github.com) is unreachable here: only the file can make this succeed
        vm.install(row);
        await().atMost(Duration.ofSeconds(30)).until(() -> !vm.installingProperty().get());
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.rows().getFirst().installed()).isTrue();
    }

    @Test
    void onlyBundleLikeFilesAreAcceptedByDrop() {
        assertThat(AiPanelViewModel.looksLikeBundle(Path.of("background-removal-1.4.5.snapotter-bundle.tar.gz"))).isTrue();
        assertThat(AiPanelViewModel.looksLikeBundle(Path.of("photo.jpg"))).isFalse();
    }
}
