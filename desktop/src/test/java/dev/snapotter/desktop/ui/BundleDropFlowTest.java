package dev.snapotter.desktop.ui;

import dev.snapotter.bundles.signing.SigningKeyStore;
import dev.snapotter.bundles.testing.TestBundles;
import dev.snapotter.desktop.ai.AiPanelViewModel;
import dev.snapotter.desktop.ai.AiPanelWindow;
import dev.snapotter.desktop.ai.BundleRow;
import dev.snapotter.desktop.queue.QueueItem;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.desktop.backend.BackendKind;
import dev.snapotter.desktop.support.RealServer;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bundle file ({@code *.snapotter-bundle.tar.gz}) dropped on the MAIN window opens the AI panel and installs it
 * (Local-engine mode: into this computer's app-data folder); it is never queued as an image, and images dropped
 * with it still are. On the Remote server backend the same drop installs on that server (real server jar on
 * loopback), not on this computer. Real app wiring (AppHarness), headless.
 */
@ExtendWith(ApplicationExtension.class)
class BundleDropFlowTest {

    @TempDir
    Path files;
    private AppHarness app;

    @Start
    void start(Stage stage) {
        app = new AppHarness(stage);
    }

    private Path bundle() throws Exception {
        // signed with this machine's build key, which the build put into the bundles jar's trusted keys
        return TestBundles.signedBundle(Files.createDirectories(files.resolve("kit")), "test-model", SigningKeyStore.resolveFromEnvironment());
    }

    private AiPanelWindow awaitPanel() {
        await().atMost(Duration.ofSeconds(20)).until(() -> app.window.aiPanel().map(p -> p.stage().isShowing()).orElse(false));
        return app.window.aiPanel().orElseThrow();
    }

    private static void awaitInstalled(AiPanelViewModel vm, String id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !vm.installingProperty().get()
                && vm.rows().stream().anyMatch(r -> r.id().equals(id) && r.installed()));
    }

    @Test
    void droppingABundleOnTheMainWindowOpensTheAiPanelAndInstallsIt() throws Exception {
        Path bundle = bundle();
        assertThat(AiPanelViewModel.isBundleFile(bundle)).isTrue();

        AppHarness.dropFiles(app.window.view(), List.of(bundle));

        AiPanelWindow panel = awaitPanel();
        assertThat(panel.stage().getTitle()).isEqualTo("AI features on this computer");
        AiPanelViewModel vm = panel.viewModel();
        awaitInstalled(vm, "test-model");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Installed test-model.");
        assertThat(vm.rows()).filteredOn(r -> r.id().equals("test-model")).singleElement().satisfies(r -> assertThat(r.signed()).isTrue());
        assertThat(Files.isDirectory(app.home.resolve("ai"))).as("installed into the app-data folder").isTrue();
        assertThat(vm.totalDiskUsageProperty().get()).isGreaterThan(300_000);

        assertThat(app.ctx.main().queue().items()).as("a bundle is not an image").isEmpty();
        assertThat(app.window.view().notifications().isShowing() ? app.window.view().notifications().getText() : "")
                .doesNotContain("No images found").doesNotContain("unsupported");
        assertThat(bundle).as("the dropped file is left as it was").exists();
        assertThat(app.unhandled).isEmpty();
    }

    @Test
    void onTheRemoteServerBackendADroppedBundleIsUploadedToThatServer(FxRobot robot) throws Exception {
        try (RealServer server = RealServer.start(Files.createDirectories(files.resolve("server")), Map.of("DEFAULT_PASSWORD",
                "Adm1nPassword", "SKIP_MUST_CHANGE_PASSWORD", "true", "RATE_LIMIT_PER_MIN", "0"))) {
            SnapOtterApi admin = server.api().withBearer(server.api().login("admin", "Adm1nPassword").token());
            String key = admin.createApiKey("ui test").secret();
            WaitForAsyncUtils.asyncFx(() -> {
                app.ctx.main().backends().selectedProperty().set(BackendKind.REMOTE_SERVER);
                robot.lookup("#remote-url").queryAs(TextField.class).setText(server.url());
                robot.lookup("#remote-api-key").queryAs(PasswordField.class).setText(key);
            }).get();
            robot.clickOn("#remote-connect");
            await().atMost(Duration.ofSeconds(20)).until(() -> app.ctx.main().backends().availableProperty().get());

            AppHarness.dropFiles(app.window.view(), List.of(bundle()));

            AiPanelWindow panel = awaitPanel();
            assertThat(panel.stage().getTitle()).isEqualTo("AI features on the server at " + server.url());
            AiPanelViewModel vm = panel.viewModel();
            awaitInstalled(vm, "test-model");
            assertThat(vm.errorProperty().get()).as(server.log()).isEmpty();
            assertThat(admin.features().bundles()).filteredOn(b -> b.id().equals("test-model")).singleElement()
                    .satisfies(b -> assertThat(b.installed()).isTrue());
            assertThat(app.home.resolve("ai")).as("this computer's AI folder is left alone").doesNotExist();
            assertThat(app.ctx.main().queue().items()).isEmpty();
            assertThat(app.unhandled).isEmpty();
        }
    }

    @Test
    void imagesDroppedWithABundleStillGoToTheQueue() throws Exception {
        Path photo = TestImages.png(files.resolve("beach.png"), 320, 200, 1);
        Path bundle = bundle();

        AppHarness.dropFiles(app.window.view(), List.of(photo, bundle));

        await().atMost(Duration.ofSeconds(20)).until(() -> app.ctx.main().queue().items().size() == 1);
        assertThat(app.ctx.main().queue().items()).extracting(QueueItem::name).containsExactly("beach.png");
        AiPanelViewModel vm = awaitPanel().viewModel();
        awaitInstalled(vm, "test-model");
        assertThat(vm.rows()).extracting(BundleRow::id).contains("test-model");
        assertThat(app.ctx.main().queue().items()).hasSize(1);
        assertThat(app.unhandled).isEmpty();
    }
}
