package dev.snapotter.desktop.server;

import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.desktop.app.AppContext;
import dev.snapotter.desktop.app.AppDirs;
import dev.snapotter.desktop.backend.BackendKind;
import dev.snapotter.desktop.output.OutputMode;
import dev.snapotter.desktop.queue.ItemStatus;
import dev.snapotter.desktop.shell.MainWindow;
import dev.snapotter.desktop.support.RealServer;
import dev.snapotter.desktop.task.FxUiThread;
import dev.snapotter.desktop.task.LaneTaskExecutor;
import dev.snapotter.engine.ImageEngine;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The editor's "Local container" backend through the app's real wiring (AppContext, MainWindow, Server window):
 * a scripted Docker whose "container" is the real server jar on loopback. Chosen before the server runs it says
 * so; Start in the Server window makes it healthy, the selector re-checks by itself, and Run processes there.
 */
@ExtendWith(ApplicationExtension.class)
class LocalContainerBackendFlowTest {

    @TempDir
    Path work;
    private final FakeServerControl docker = new FakeServerControl();
    private final List<String> unhandled = new CopyOnWriteArrayList<>();
    private AppContext ctx;
    private MainWindow window;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("snapotter-ui-home");
        ctx = new AppContext(new AppDirs(home), ImageEngine.createDefault(),
                new LaneTaskExecutor(new FxUiThread(), (name, e) -> unhandled.add(name + ": " + e)),
                p -> { }, Duration.ofMillis(200), Duration.ofMillis(80),
                (executor, settings, desktopKey) -> new ServerArea(docker, executor, Clock.systemUTC(), settings, desktopKey));
        window = new MainWindow(stage, ctx);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#backend-status").queryAs(Label.class).getText();
    }

    @Test
    void startingTheServerMakesTheLocalContainerBackendReadyAndRunsTheQueueThere(FxRobot robot) throws Exception {
        Path serverDir = Files.createDirectories(work.resolve("server"));
        try (RealServer server = RealServer.start(serverDir, Map.of("DEFAULT_PASSWORD", "Adm1nPassword",
                "SKIP_MUST_CHANGE_PASSWORD", "true", "RATE_LIMIT_PER_MIN", "0"))) {
            // The "container" publishes the real server's port; the desktop already has its own key (signed in).
            docker.port = server.port();
            SnapOtterApi admin = server.api().withBearer(server.api().login("admin", "Adm1nPassword").token());
            new ApiKeyStore(home.resolve(ApiKeyStore.FILE_NAME)).save(admin.createApiKey("desktop").secret());

            ComboBox<?> selector = robot.lookup("#backend-selector").queryComboBox();
            assertThat(selector.getItems()).extracting(Object::toString).contains("Local container");
            robot.clickOn("#backend-selector").clickOn("Local container");
            assertThat(ctx.main().backends().selectedProperty().get()).isEqualTo(BackendKind.LOCAL_CONTAINER);
            await().atMost(Duration.ofSeconds(10)).until(() -> status(robot).contains("not created yet"));
            assertThat(robot.lookup("#run-button").queryButton().isDisabled()).isTrue();

            // View → Server…, Start: healthy and signed in; nobody touches the selector again.
            robot.clickOn("View").clickOn("Server…");
            await().atMost(Duration.ofSeconds(20)).until(() -> ctx.server().onboarding().readyProperty().get());
            robot.clickOn("#server-start");
            await().atMost(Duration.ofSeconds(20)).until(() -> ctx.server().server().healthyProperty().get());
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    ctx.server().firstStart().stateProperty().get() == FirstStartState.SIGNED_IN);
            String ready = "Ready: the local container on 127.0.0.1:" + server.port();
            await().atMost(Duration.ofSeconds(20)).until(() -> status(robot).equals(ready));
            assertThat(docker.calls).contains("startAll");
            WaitForAsyncUtils.asyncFx(() -> window.stage().requestFocus()).get();

            // The queue runs on the container's server, not the in-process engine.
            Path in = work.resolve("in").resolve("photo.png");
            Files.createDirectories(in.getParent());
            ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "png", in.toFile());
            Path out = work.resolve("out");
            WaitForAsyncUtils.asyncFx(() -> {
                ctx.main().queue().addPaths(List.of(in));
                ctx.main().pipeline().addTool("resize");
                ctx.main().output().modeProperty().set(OutputMode.FOLDER);
                ctx.main().output().folderProperty().set(out.toString());
            }).get();
            await().atMost(Duration.ofSeconds(20)).until(() -> ctx.main().queue().items().size() == 1);
            robot.clickOn("#field-0-width").write("100");
            await().atMost(Duration.ofSeconds(10)).until(() -> !robot.lookup("#run-button").queryButton().isDisabled());
            robot.clickOn("#run-button");
            await().atMost(Duration.ofSeconds(60)).until(() -> !ctx.main().run().runningProperty().get()
                    && ctx.main().run().statusProperty().get().startsWith("Done"));
            assertThat(ctx.main().queue().items()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.DONE));
            assertThat(ImageIO.read(out.resolve("photo.png").toFile()).getWidth()).isEqualTo(100);
            try (var jobs = Files.list(serverDir.resolve("workspace"))) {
                assertThat(jobs.count()).as("the image was processed by the server").isGreaterThanOrEqualTo(1);
            }
            assertThat(unhandled).isEmpty();
        }
    }
}
