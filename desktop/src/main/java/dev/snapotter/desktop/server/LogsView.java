package dev.snapotter.desktop.server;

import atlantafx.base.theme.Styles;
import dev.snapotter.control.monitor.LogLine;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** The container's logs: search next/previous, follow (paused by scrolling up), timestamps, copy, save. */
final class LogsView extends BorderPane {

    private final LogsViewModel vm;
    private final ListView<LogLine> list = new ListView<>();
    private final Function<Window, Optional<Path>> saveTarget;

    LogsView(LogsViewModel vm) {
        this(vm, LogsView::chooseSaveFile);
    }

    /** @param saveTarget asks where Save… writes (a file chooser; tests answer with a path), empty = cancelled */
    LogsView(LogsViewModel vm, Function<Window, Optional<Path>> saveTarget) {
        this.vm = vm;
        this.saveTarget = saveTarget;
        list.setId("server-log-list");
        list.getStyleClass().addAll(Styles.DENSE, "log-list");
        list.setItems(vm.lines());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LogLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : vm.format(line));
                getStyleClass().remove("stderr");
                if (!empty && line != null && line.source() == LogLine.Source.STDERR) getStyleClass().add("stderr");
            }
        });
        vm.lines().addListener((ListChangeListener<LogLine>) c -> {
            if (vm.followProperty().get() && !vm.lines().isEmpty()) list.scrollTo(vm.lines().size() - 1);
        });
        // Scrolling or paging up means "I am reading": stop following until Follow is ticked again.
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) vm.followProperty().set(false);
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.HOME) {
                vm.followProperty().set(false);
            }
        });
        vm.followProperty().addListener((o, a, on) -> {
            if (on && !vm.lines().isEmpty()) list.scrollTo(vm.lines().size() - 1);
        });
        vm.matchProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                list.getSelectionModel().select(i.intValue());
                list.scrollTo(Math.max(0, i.intValue() - 3));
            }
        });
        vm.timestampsProperty().addListener((o, a, b) -> list.refresh());

        TextField search = new TextField();
        search.setId("log-search");
        search.setPromptText("Search the log");
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.setOnAction(e -> vm.next());
        Button previous = new Button("Previous");
        previous.setId("log-previous");
        previous.setOnAction(e -> vm.previous());
        Button next = new Button("Next");
        next.setId("log-next");
        next.setOnAction(e -> vm.next());
        CheckBox follow = new CheckBox("Follow");
        follow.setId("log-follow");
        follow.selectedProperty().bindBidirectional(vm.followProperty());
        CheckBox timestamps = new CheckBox("Timestamps");
        timestamps.setId("log-timestamps");
        timestamps.selectedProperty().bindBidirectional(vm.timestampsProperty());
        Button copy = new Button("Copy");
        copy.setId("log-copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.allText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button save = new Button("Save…");
        save.setId("log-save");
        save.setOnAction(e -> save());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox bar = new HBox(8, search, previous, next, follow, timestamps, copy, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 0, 6, 0));
        setTop(bar);
        setCenter(list);
    }

    private static Optional<Path> chooseSaveFile(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the server log");
        fc.setInitialFileName("snapotter-server.log");
        return Optional.ofNullable(fc.showSaveDialog(owner)).map(File::toPath);
    }

    private void save() {
        Optional<Path> target = saveTarget.apply(getScene().getWindow());
        if (target.isEmpty()) return;
        try {
            vm.saveTo(target.get());
        } catch (IOException ex) {
            Alert failed = new Alert(Alert.AlertType.ERROR, "Could not save the log: " + ex.getMessage());
            failed.initOwner(getScene().getWindow());
            failed.show();
        }
    }
}
