package dev.snapotter.desktop.ui;

import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.desktop.backend.BackendKind;
import dev.snapotter.desktop.output.OutputMode;
import dev.snapotter.desktop.queue.ItemStatus;
import dev.snapotter.desktop.support.RealServer;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The editor on the "Remote server" backend, through the real app wiring and the real server (shaded jar as a
 * process on loopback): address + key typed in the header, Connect, Run, outputs written by the server's work.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteServerFlowTest {

    @TempDir
    Path work;
    private AppHarness app;
    private RealServer server;

    @Start
    void start(Stage stage) {
        app = new AppHarness(stage);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void connectingToARemoteServerAndRunningTheQueueThere(FxRobot robot) throws Exception {
        server = RealServer.start(Files.createDirectories(work.resolve("server")), Map.of("DEFAULT_PASSWORD",
                "Adm1nPassword", "SKIP_MUST_CHANGE_PASSWORD", "true", "RATE_LIMIT_PER_MIN", "0"));
        SnapOtterApi admin = server.api().withBearer(server.api().login("admin", "Adm1nPassword").token());
        String key = admin.createApiKey("ui test").secret();

        AppHarness.dropFiles(app.window.view(), List.of(TestImages.png(work.resolve("in/a.png"), 400, 300, 1),
                TestImages.png(work.resolve("in/b.png"), 300, 400, 2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> app.ctx.main().queue().items().size() == 2);
        robot.clickOn("#add-tool").clickOn(app.ctx.main().pipeline().descriptor("resize").orElseThrow().name());
        robot.clickOn("#field-0-width").write("100");
        Path out = work.resolve("out");
        WaitForAsyncUtils.asyncFx(() -> {
            app.ctx.main().output().modeProperty().set(OutputMode.FOLDER);
            app.ctx.main().output().folderProperty().set(out.toString());
            app.ctx.main().backends().selectedProperty().set(BackendKind.REMOTE_SERVER);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#backend-status").queryAs(Label.class)
                .getText().contains("enter the server's address"));
        assertThat(robot.lookup("#run-button").queryButton().isDisabled()).isTrue();

        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#remote-url").queryAs(TextField.class).setText(server.url());
            robot.lookup("#remote-api-key").queryAs(PasswordField.class).setText(key);
        }).get();
        robot.clickOn("#remote-connect");
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#backend-status").queryAs(Label.class)
                .getText().equals("Ready: " + server.url()));
        assertThat(Files.readString(app.home.resolve("remote-api-key"))).isEqualTo(key);
        assertThat(Files.readString(app.home.resolve("settings.json"))).doesNotContain(key);

        robot.clickOn("#run-button");
        await().atMost(Duration.ofSeconds(60)).until(() -> !app.ctx.main().run().runningProperty().get()
                && app.ctx.main().run().statusProperty().get().startsWith("Done"));
        assertThat(app.ctx.main().queue().items()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.DONE));
        assertThat(ImageIO.read(out.resolve("a.png").toFile()).getWidth()).isEqualTo(100);
        assertThat(ImageIO.read(out.resolve("b.png").toFile()).getWidth()).isEqualTo(100);
        try (var jobs = Files.list(work.resolve("server").resolve("workspace"))) {
            assertThat(jobs.count()).as("one job folder per image on the server").isGreaterThanOrEqualTo(2);
        }
        assertThat(app.unhandled).isEmpty();
    }
}
