package dev.snapotter.desktop.ai;

import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.signing.Ed25519Keys;
import dev.snapotter.bundles.signing.SigningKeyStore;
import dev.snapotter.bundles.testing.TestBundles;
import dev.snapotter.control.api.ApiModels;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.desktop.support.RealServer;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The AI panel's ViewModel in server mode against the REAL server (shaded jar on loopback, temp DATA_DIR), signed in
 * with an API key like the desktop's: the server's catalogue listed, a signed bundle uploaded from a file and
 * installed there (the server trusts this machine's build key, as container/server's FeaturesApiTest), disk usage up
 * and back down after uninstall, a foreign-key bundle refused with the server's reason, and a kit bundle uploaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerBundlesOnRealServerTest {

    @TempDir
    static Path tmp;

    private RealServer server;
    private SnapOtterApi api;

    @BeforeAll
    void startServer() throws Exception {
        server = RealServer.start(Files.createDirectories(tmp.resolve("server")), Map.of(
                "DEFAULT_PASSWORD", "Adm1nPassword", "SKIP_MUST_CHANGE_PASSWORD", "true", "RATE_LIMIT_PER_MIN", "0"));
        SnapOtterApi admin = server.api().withBearer(server.api().login("admin", "Adm1nPassword").token());
        api = server.api().withBearer(admin.createApiKey("desktop AI panel test").secret());
    }

    @AfterAll
    void stopServer() {
        if (server != null) server.close();
    }

    private AiPanelViewModel vm(ShippedBundles shipped) {
        return new AiPanelViewModel(new ServerBundles(() -> api, server.url(), shipped),
                new DirectTaskExecutor((name, e) -> { throw new AssertionError(name, e); }));
    }

    private static PrivateKey builderKey() throws Exception {
        return SigningKeyStore.resolveFromEnvironment();
    }

    private static void awaitIdle(AiPanelViewModel vm) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !vm.installingProperty().get());
    }

    @Test
    void theServersCatalogueIsListedWithSizeLicenceAndDiskUsage() {
        AiPanelViewModel vm = vm(ShippedBundles.none());
        vm.refresh();
        assertThat(vm.errorProperty().get()).as(server.log()).isEmpty();
        assertThat(vm.rows()).filteredOn(r -> r.id().equals("background-removal")).singleElement().satisfies(r -> {
            assertThat(r.license()).isEqualTo("AGPL-3.0");
            assertThat(r.sizeBytes()).isEqualTo(44_376_799L);
            assertThat(r.installed()).isFalse();
            assertThat(r.downloadable()).isTrue();
        });
        assertThat(vm.totalDiskUsageProperty().get()).isEqualTo(api.featureDiskUsage().totalBytes());
        assertThat(AiPanelWindow.title(vm.bundles())).isEqualTo("AI features on the server at " + server.url());
        assertThat(AiPanelView.intro(vm.bundles())).contains("the server at " + server.url()).contains("uploaded");
    }

    @Test
    void aBundleFileInstallsOnTheServerAndUninstallGivesEveryByteBack() throws Exception {
        AiPanelViewModel vm = vm(ShippedBundles.none());
        vm.refresh();
        long before = vm.totalDiskUsageProperty().get();
        assertThat(before).isEqualTo(api.featureDiskUsage().totalBytes());

        vm.installFile(TestBundles.signedBundle(Files.createDirectories(tmp.resolve("upload")), "test-model", builderKey()));
        awaitIdle(vm);
        assertThat(vm.errorProperty().get()).as(server.log()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Installed test-model.");
        assertThat(vm.rows()).filteredOn(r -> r.id().equals("test-model")).singleElement().satisfies(r -> {
            assertThat(r.installed()).isTrue();
            assertThat(r.signed()).isTrue();
            assertThat(r.license()).isEqualTo("MIT");
            assertThat(r.diskUsageBytes()).isGreaterThan(300_000);
        });
        ApiModels.DiskUsage onServer = api.featureDiskUsage();
        assertThat(onServer.bundles()).containsKey("test-model");
        assertThat(vm.totalDiskUsageProperty().get()).isEqualTo(onServer.totalBytes()).isGreaterThan(before + 300_000);

        vm.uninstall("test-model");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Removed test-model.");
        assertThat(vm.rows()).noneMatch(r -> r.id().equals("test-model"));
        assertThat(vm.totalDiskUsageProperty().get()).isEqualTo(before);
        assertThat(api.featureDiskUsage().totalBytes()).isEqualTo(before);

        vm.uninstall("test-model");
        assertThat(vm.statusProperty().get()).isEqualTo("test-model was not installed.");
    }

    @Test
    void aBundleTheServerDoesNotTrustShowsTheServersReasonAndInstallsNothing() throws Exception {
        AiPanelViewModel vm = vm(ShippedBundles.none());
        vm.refresh();
        long before = vm.totalDiskUsageProperty().get();
        vm.installFile(TestBundles.signedBundle(Files.createDirectories(tmp.resolve("foreign")), "foreign-model",
                Ed25519Keys.generate().getPrivate()));
        awaitIdle(vm);
        assertThat(vm.errorProperty().get()).contains("does not trust");
        assertThat(vm.rows()).noneMatch(r -> r.id().equals("foreign-model"));
        assertThat(api.featureDiskUsage().totalBytes()).isEqualTo(before);
    }

    @Test
    void aBundleShippedWithTheAppIsUploadedToTheServer() throws Exception {
        Path kit = Files.createDirectories(tmp.resolve("kit/bundles"));
        Path file = TestBundles.signedBundle(tmp.resolve("kit"), "kit-model", builderKey());
        Path shipped = Files.move(file, kit.resolve(file.getFileName()));
        assertThat(shipped.getFileName().toString()).endsWith(BundleFormat.EXTENSION);
        AiPanelViewModel vm = vm(ShippedBundles.in(kit));
        vm.refresh();
        BundleRow row = vm.rows().stream().filter(r -> r.id().equals("kit-model")).findFirst().orElseThrow();
        assertThat(row.status()).isEqualTo("Available offline");

        vm.install(row);
        awaitIdle(vm);
        assertThat(vm.errorProperty().get()).as(server.log()).isEmpty();
        assertThat(api.features().bundles()).filteredOn(b -> b.id().equals("kit-model")).singleElement()
                .satisfies(b -> assertThat(b.installed()).isTrue());
        assertThat(vm.rows()).filteredOn(r -> r.id().equals("kit-model")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("Installed"));
        assertThat(shipped).as("the shipped file is left as it was").exists();

        vm.uninstall("kit-model");
        assertThat(api.features().bundles()).noneMatch(b -> b.id().equals("kit-model") && b.installed());
    }
}
