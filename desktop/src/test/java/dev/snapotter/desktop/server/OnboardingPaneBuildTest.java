package dev.snapotter.desktop.server;

import atlantafx.base.theme.PrimerLight;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** "Build image" in the onboarding card: shown only in a source checkout while the image is missing. */
@ExtendWith(ApplicationExtension.class)
class OnboardingPaneBuildTest {

    private final List<Throwable> unhandled = new ArrayList<>();
    private final FakeServerControl docker = new FakeServerControl();
    private final FakeProcessRunner processes = new FakeProcessRunner();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        docker.imagePresent = false;
    }

    private OnboardingViewModel show(Optional<ImageBuilder> builder) {
        OnboardingViewModel vm = new OnboardingViewModel(docker, new DirectTaskExecutor((n, e) -> unhandled.add(e)), builder);
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            stage.setScene(new Scene(new OnboardingPane(vm), 900, 420));
            stage.show();
            vm.checkAgain();
        });
        return vm;
    }

    @Test
    void inACheckoutTheBuildButtonRunsTheScriptAndMovesOn(FxRobot robot) {
        processes.lines.addAll(List.of("[build.sh] docker build", "Successfully tagged snapotter/snapotter:test"));
        processes.onSuccessfulExit = () -> docker.imagePresent = true;
        show(Optional.of(new ImageBuilder(Path.of("/src/snapotter/container/image/build.sh"), processes)));
        assertThat(robot.lookup("#onboarding-title").queryAs(Label.class).getText()).isEqualTo(OnboardingState.IMAGE_MISSING.title());
        Node build = robot.lookup("#build-image").query();
        assertThat(build.isVisible()).isTrue();
        assertThat(robot.lookup("#cancel-build").query().isVisible()).isFalse();

        robot.clickOn("#build-image");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(processes.started).hasSize(1);
        assertThat(robot.lookup("#onboarding-title").queryAs(Label.class).getText()).isEqualTo(OnboardingState.READY.title());
        assertThat(build.isVisible()).isFalse();
        assertThat(unhandled).isEmpty();
    }

    @Test
    void anInstalledAppShowsNoBuildButton(FxRobot robot) {
        show(Optional.empty());
        assertThat(robot.lookup("#onboarding-title").queryAs(Label.class).getText()).isEqualTo(OnboardingState.IMAGE_MISSING.title());
        assertThat(robot.lookup("#build-image").query().isVisible()).isFalse();
        assertThat(robot.lookup("#load-bundled-image").query().isVisible()).isTrue();
        assertThat(robot.lookup("#onboarding-fix").queryAs(Label.class).getText()).contains("offline kit");
        assertThat(robot.lookup("#onboarding-details").queryAs(TextArea.class).getText()).contains("missing");
    }
}
