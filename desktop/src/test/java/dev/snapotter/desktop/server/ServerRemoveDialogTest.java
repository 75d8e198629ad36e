package dev.snapotter.desktop.server;

import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.desktop.settings.ServerSettingsStore;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Remove…: one question, and a second explicit one before the data volume goes; cancelling anywhere does nothing. */
@ExtendWith(ApplicationExtension.class)
class ServerRemoveDialogTest {

    private final List<Throwable> unhandled = new ArrayList<>();
    private final FakeServerControl docker = new FakeServerControl();
    private ServerView view;

    @Start
    void start(Stage stage) throws java.io.IOException {
        Path appDir = Files.createTempDirectory("snapotter-remove-");
        docker.containerExists = true;
        docker.running = true;
        ServerArea area = new ServerArea(docker, new DirectTaskExecutor((n, e) -> unhandled.add(e)), Clock.systemUTC(),
                new ServerSettingsStore(appDir.resolve("server-settings.json")),
                new ApiKeyStore(appDir.resolve(ApiKeyStore.FILE_NAME)),
                port -> dev.snapotter.control.api.SnapOtterApi.local(1)); // first-start check fails quietly
        view = new ServerView(area);
        stage.setScene(new Scene(view, 1060, 760));
        stage.show();
    }

    @BeforeEach
    void open() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shown).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> removals() {
        return docker.calls.stream().filter(c -> c.startsWith("remove")).toList();
    }

    /** The dialog panes currently showing (Alerts are their own windows). */
    private static List<DialogPane> dialogs() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene().getRoot()).filter(DialogPane.class::isInstance).map(DialogPane.class::cast)
                .toList()).get(5, TimeUnit.SECONDS);
    }

    private static DialogPane onlyDialog() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<DialogPane> open = dialogs();
        assertThat(open).hasSize(1);
        return open.getFirst();
    }

    private static void press(FxRobot robot, DialogPane pane, ButtonBar.ButtonData data) {
        Button b = pane.getButtonTypes().stream().filter(t -> t.getButtonData() == data)
                .map(t -> (Button) pane.lookupButton(t)).findFirst().orElseThrow();
        robot.clickOn(b);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void cancellingTheQuestionRemovesNothing(FxRobot robot) throws Exception {
        robot.clickOn("#server-remove");
        DialogPane ask = onlyDialog();
        assertThat(ask.getHeaderText()).isEqualTo("Remove the SnapOtter container?");
        CheckBox deleteData = (CheckBox) ask.lookup("#remove-delete-data");
        assertThat(deleteData.isSelected()).as("data is kept unless the user ticks the box").isFalse();
        assertThat(deleteData.getText()).contains("snapotter-data");
        press(robot, ask, ButtonBar.ButtonData.CANCEL_CLOSE);
        assertThat(dialogs()).isEmpty();
        assertThat(removals()).isEmpty();
        assertThat(docker.containerExists).isTrue();
        assertThat(unhandled).isEmpty();
    }

    @Test
    void confirmingWithoutTheBoxKeepsTheData(FxRobot robot) throws Exception {
        robot.clickOn("#server-remove");
        press(robot, onlyDialog(), ButtonBar.ButtonData.OK_DONE);
        assertThat(dialogs()).as("no second question when the data is kept").isEmpty();
        assertThat(removals()).containsExactly("remove deleteData=false");
        assertThat(robot.lookup("#health-value").queryAs(Label.class).getText()).isEqualTo("Not created");
        assertThat(unhandled).isEmpty();
    }

    @Test
    void tickingTheBoxAsksASecondTimeAndOnlyThenDeletesTheData(FxRobot robot) throws Exception {
        // Ticked, confirmed, then "Cancel" at the second question: nothing happens.
        robot.clickOn("#server-remove");
        DialogPane ask = onlyDialog();
        robot.clickOn(ask.lookup("#remove-delete-data"));
        assertThat(((CheckBox) ask.lookup("#remove-delete-data")).isSelected()).isTrue();
        press(robot, ask, ButtonBar.ButtonData.OK_DONE);
        DialogPane sure = onlyDialog();
        assertThat(sure.getHeaderText()).isEqualTo("Delete the data for good?");
        assertThat(sure.getContentText()).contains("snapotter-data").contains("cannot be undone");
        press(robot, sure, ButtonBar.ButtonData.CANCEL_CLOSE);
        assertThat(dialogs()).isEmpty();
        assertThat(removals()).isEmpty();

        // Again, and "Delete my data" this time.
        robot.clickOn("#server-remove");
        ask = onlyDialog();
        assertThat(((CheckBox) ask.lookup("#remove-delete-data")).isSelected()).as("a fresh dialog, box unticked").isFalse();
        robot.clickOn(ask.lookup("#remove-delete-data"));
        press(robot, ask, ButtonBar.ButtonData.OK_DONE);
        sure = onlyDialog();
        assertThat(sure.getButtonTypes()).extracting(ButtonType::getText).contains("Delete my data");
        press(robot, sure, ButtonBar.ButtonData.OK_DONE);
        assertThat(dialogs()).isEmpty();
        assertThat(removals()).containsExactly("remove deleteData=true");
        assertThat(unhandled).isEmpty();
    }
}
