package dev.snapotter.desktop.server;

import dev.snapotter.control.monitor.LogLine;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The logs viewer's buttons, clicked: Copy, Save…, Timestamps, Next / Previous. */
@ExtendWith(ApplicationExtension.class)
class LogsViewTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<String> TEXTS = List.of("alpha one", "beta", "alpha two", "gamma", "ALPHA three");

    @TempDir
    Path tmp;

    private final LogsViewModel vm = new LogsViewModel();
    /** Where the "file chooser" answers Save… (null = cancelled). */
    private final AtomicReference<Path> saveAnswer = new AtomicReference<>();
    private final AtomicReference<Window> askedOwner = new AtomicReference<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        for (int i = 0; i < TEXTS.size(); i++) {
            vm.append(List.of(new LogLine(i == 1 ? LogLine.Source.STDERR : LogLine.Source.STDOUT,
                    Optional.of(T0.plusSeconds(i)), TEXTS.get(i))));
        }
        LogsView view = new LogsView(vm, owner -> {
            askedOwner.set(owner);
            return Optional.ofNullable(saveAnswer.get());
        });
        stage.setScene(new Scene(view, 900, 400));
        stage.show();
    }

    private static String expected(boolean timestamps) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < TEXTS.size(); i++) {
            b.append(timestamps ? T0.plusSeconds(i) + "  " : "").append(TEXTS.get(i)).append('\n');
        }
        return b.toString();
    }

    /** The texts the list's cells show, top to bottom. */
    private static List<String> shown(FxRobot robot) {
        return robot.lookup("#server-log-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> !c.isEmpty() && c.getItem() != null)
                .sorted(java.util.Comparator.comparingInt(ListCell::getIndex))
                .map(c -> (String) c.getText()).toList();
    }

    private static String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void copyPutsTheShownLinesOnTheClipboard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().clear()).get();
        robot.clickOn("#log-copy");
        assertThat(clipboard()).isEqualTo(expected(false));

        robot.clickOn("#log-timestamps");
        robot.clickOn("#log-copy");
        assertThat(clipboard()).as("copied as shown, with timestamps").isEqualTo(expected(true));
    }

    @Test
    void timestampsChangeTheShownLines(FxRobot robot) {
        assertThat(shown(robot)).isEqualTo(TEXTS);
        robot.clickOn("#log-timestamps");
        assertThat(vm.timestampsProperty().get()).isTrue();
        assertThat(shown(robot)).containsExactly("2026-01-01T10:00:00Z  alpha one", "2026-01-01T10:00:01Z  beta",
                "2026-01-01T10:00:02Z  alpha two", "2026-01-01T10:00:03Z  gamma", "2026-01-01T10:00:04Z  ALPHA three");
        robot.clickOn("#log-timestamps");
        assertThat(shown(robot)).isEqualTo(TEXTS);
        // The stderr line is marked for its own colour.
        assertThat(robot.lookup("#server-log-list .list-cell.stderr").queryAllAs(ListCell.class))
                .extracting(c -> (String) c.getText()).containsExactly("beta");
    }

    @Test
    void nextAndPreviousMoveTheHighlightedLine(FxRobot robot) {
        ListView<?> list = robot.lookup("#server-log-list").queryListView();
        robot.clickOn("#log-search").write("alpha");
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(-1);

        robot.clickOn("#log-next");
        assertSelected(robot, list, 0, "alpha one");
        assertThat(vm.followProperty().get()).as("a match stops following so it stays in view").isFalse();
        robot.clickOn("#log-next");
        assertSelected(robot, list, 2, "alpha two");
        robot.clickOn("#log-next");
        assertSelected(robot, list, 4, "ALPHA three"); // case-insensitive
        robot.clickOn("#log-next");
        assertSelected(robot, list, 0, "alpha one"); // wraps
        robot.clickOn("#log-previous");
        assertSelected(robot, list, 4, "ALPHA three");
        robot.clickOn("#log-previous");
        assertSelected(robot, list, 2, "alpha two");

        // Enter in the search field is "Next".
        robot.clickOn("#log-search").type(javafx.scene.input.KeyCode.ENTER);
        assertSelected(robot, list, 4, "ALPHA three");
    }

    private static void assertSelected(FxRobot robot, ListView<?> list, int index, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getSelectionModel().getSelectedIndices()).containsExactly(index);
        List<ListCell> highlighted = robot.lookup("#server-log-list .list-cell:selected").queryAllAs(ListCell.class)
                .stream().toList();
        assertThat(highlighted).extracting(c -> (String) c.getText()).containsExactly(text);
    }

    @Test
    void saveWritesEveryLineReplacingTheFileAndLeavesNoTemporaryFile(FxRobot robot) throws Exception {
        Path file = tmp.resolve("server.log");
        Files.writeString(file, "an older, longer log that must be replaced completely\n".repeat(20));
        saveAnswer.set(file);
        robot.clickOn("#log-timestamps");
        robot.clickOn("#log-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(askedOwner.get()).as("the chooser is owned by the window").isSameAs(stage);
        assertThat(Files.readString(file)).isEqualTo(expected(true));
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("server.log");
        }
    }

    @Test
    void cancellingTheChooserWritesNothingAndAFailedSaveSaysWhy(FxRobot robot) throws Exception {
        saveAnswer.set(null);
        robot.clickOn("#log-save");
        WaitForAsyncUtils.waitForFxEvents();
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }

        Path missing = tmp.resolve("no-such-folder").resolve("server.log");
        saveAnswer.set(missing);
        robot.clickOn("#log-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.exists(missing.getParent())).isFalse();
        List<DialogPane> errors = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(Window::isShowing).map(w -> w.getScene().getRoot())
                .filter(DialogPane.class::isInstance).map(DialogPane.class::cast).toList()).get(5, TimeUnit.SECONDS);
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().getContentText()).startsWith("Could not save the log");
        Node ok = errors.getFirst().lookupButton(javafx.scene.control.ButtonType.OK);
        robot.clickOn(ok);
    }
}
