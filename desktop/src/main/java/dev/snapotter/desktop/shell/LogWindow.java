package dev.snapotter.desktop.shell;

import atlantafx.base.theme.Styles;
import dev.snapotter.desktop.logging.LogBuffer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The in-app log: the last lines of this session, a filter, follow, copy and "Save diagnostics".
 * New lines are batched onto the FX thread; the subscription ends when the window closes.
 */
final class LogWindow {

    private final Stage stage = new Stage();
    private final ListView<String> list = new ListView<>();
    private final List<String> all = new ArrayList<>();
    private final TextField filter = new TextField();
    private final CheckBox follow = new CheckBox("Follow");
    private final List<String> pending = new ArrayList<>();
    private Runnable unsubscribe = () -> {
    };

    LogWindow(Window owner, Runnable saveDiagnostics) {
        stage.initOwner(owner);
        stage.setTitle("SnapOtter log");
        list.setId("log-list");
        list.getStyleClass().addAll(Styles.DENSE, "log-list");
        filter.setPromptText("Filter");
        filter.textProperty().addListener((o, a, b) -> refilter());
        follow.setSelected(true);
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(String.join("\n", list.getItems()));
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button diagnostics = new Button("Save diagnostics…");
        diagnostics.setOnAction(e -> saveDiagnostics.run());
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox bar = new HBox(8, filter, follow, copy, diagnostics);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        BorderPane root = new BorderPane(list, bar, null, null, null);
        Scene scene = new Scene(root, 900, 520);
        if (owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHiding(e -> unsubscribe.run());
    }

    void show() {
        all.clear();
        all.addAll(LogBuffer.shared().snapshot());
        refilter();
        unsubscribe.run();
        unsubscribe = LogBuffer.shared().subscribe(this::lineArrived);
        stage.show();
        stage.toFront();
    }

    private void lineArrived(String line) {
        boolean schedule;
        synchronized (pending) {
            schedule = pending.isEmpty();
            pending.add(line);
        }
        if (schedule) Platform.runLater(this::drain);
    }

    private void drain() {
        List<String> lines;
        synchronized (pending) {
            lines = new ArrayList<>(pending);
            pending.clear();
        }
        all.addAll(lines);
        if (all.size() > LogBuffer.CAPACITY) all.subList(0, all.size() - LogBuffer.CAPACITY).clear();
        String f = filter.getText().toLowerCase(Locale.ROOT);
        lines.stream().filter(l -> f.isEmpty() || l.toLowerCase(Locale.ROOT).contains(f)).forEach(list.getItems()::add);
        if (follow.isSelected() && !list.getItems().isEmpty()) list.scrollTo(list.getItems().size() - 1);
    }

    private void refilter() {
        String f = filter.getText().toLowerCase(Locale.ROOT);
        list.getItems().setAll(all.stream().filter(l -> f.isEmpty() || l.toLowerCase(Locale.ROOT).contains(f)).toList());
        if (follow.isSelected() && !list.getItems().isEmpty()) list.scrollTo(list.getItems().size() - 1);
    }
}
