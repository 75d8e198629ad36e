package dev.snapotter.desktop.ai;

import dev.snapotter.desktop.support.FxSnapshots;
import atlantafx.base.theme.PrimerLight;
import dev.snapotter.bundles.catalogue.AllowedOrigins;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.catalogue.CatalogueEntry;
import dev.snapotter.bundles.install.BundleInstaller;
import dev.snapotter.bundles.install.InstallerOptions;
import dev.snapotter.bundles.signing.Ed25519Keys;
import dev.snapotter.bundles.signing.TrustedKeys;
import dev.snapotter.bundles.testing.TestBundles;
import dev.snapotter.desktop.task.FxUiThread;
import dev.snapotter.desktop.task.LaneTaskExecutor;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The AI panel headless: one catalogue bundle available and one installed from a file; uninstall
 * through the button empties the list again. Saves docs/images/ai-panel.png.
 */
@ExtendWith(ApplicationExtension.class)
class AiPanelScreenshotTest {

    private Stage stage;
    private AiPanelViewModel vm;
    private BundleInstaller installer;
    private LaneTaskExecutor executor;
    private Path dir;
    private final KeyPair key = Ed25519Keys.generate();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("snapotter-ai-panel-");
        CatalogueEntry known = new CatalogueEntry("background-removal", "Background removal", "", "1.4.5", "AGPL-3.0", "any",
                List.of("remove-background"), null, 44_376_799L, "https://github.com/x/y.tar.gz", null);
        installer = BundleInstaller.open(InstallerOptions.defaults(dir.resolve("ai"), "0.1.0")
                .withCatalogue(new Catalogue(1, new AllowedOrigins(List.of("https://github.com")), List.of(known)))
                .withTrustedKeys(TrustedKeys.of(key.getPublic())));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // The app's executor: background lanes + callbacks on the FX thread (the install finishes on the installer's thread).
        executor = new LaneTaskExecutor(new FxUiThread(), (n, e) -> { throw new AssertionError(n, e); });
        vm = new AiPanelViewModel(() -> installer, ShippedBundles.none(), executor);
        stage.setScene(new Scene(new AiPanelView(vm), 720, 380));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        installer.close();
    }

    @Test
    void showsBundlesInstallsFromFileAndUninstalls(FxRobot robot) throws Exception {
        Path bundle = TestBundles.signedBundle(dir, "sample-model", key.getPrivate());
        WaitForAsyncUtils.asyncFx(() -> vm.installFile(bundle)).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> WaitForAsyncUtils.asyncFx(() -> !vm.installingProperty().get()
                && vm.rows().stream().anyMatch(BundleRow::installed)).get());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup(".table-view").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);

        FxSnapshots.save(stage, FxSnapshots.docsImages().resolve("ai-panel.png"));

        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(1)).get(10, TimeUnit.SECONDS);
        Button uninstall = robot.lookup("#ai-uninstall").queryButton();
        assertThat(uninstall.isDisabled()).isFalse();
        robot.clickOn(uninstall);
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(Duration.ofSeconds(10)).until(() -> WaitForAsyncUtils.asyncFx(() -> vm.rows().size() == 1).get());
        assertThat(robot.lookup("#ai-install").queryButton().isDisabled()).as("nothing selected").isTrue();
    }


}
