package dev.snapotter.desktop.backup;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** The backup wizard: Backup now, Restore, Schedule and History tabs over their ViewModels. */
public final class BackupWizardView extends TabPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public BackupWizardView(BackupNowViewModel now, RestoreViewModel restore, ScheduleViewModel schedule,
                            HistoryViewModel history) {
        setId("backup-wizard");
        Tab backupTab = new Tab("Backup now", pad(backupNow(now)));
        backupTab.setId("tab-backup-now");
        Tab restoreTab = new Tab("Restore", pad(restore(restore)));
        restoreTab.setId("tab-restore");
        Tab scheduleTab = new Tab("Schedule", pad(schedule(schedule)));
        scheduleTab.setId("tab-schedule");
        Tab historyTab = new Tab("History", pad(history(history)));
        historyTab.setId("tab-history");
        getTabs().setAll(backupTab, restoreTab, scheduleTab, historyTab);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
    }

    public void select(String tabId) {
        getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().ifPresent(getSelectionModel()::select);
    }

    private static VBox pad(javafx.scene.Node content) {
        VBox box = new VBox(content);
        box.setPadding(new Insets(14));
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private VBox backupNow(BackupNowViewModel vm) {
        Label folder = new Label();
        folder.setId("backup-destination");
        folder.textProperty().bind(vm.destinationProperty().map(Path::toString).orElse("No folder chosen"));
        Button choose = new Button("Choose folder…");
        choose.setOnAction(e -> chooseFolder("Backup folder").ifPresent(vm.destinationProperty()::set));
        CheckBox models = new CheckBox("Include AI models (large; they can be downloaded again)");
        models.selectedProperty().bindBidirectional(vm.includeModelsProperty());
        PasswordField pass = new PasswordField();
        pass.setId("backup-passphrase");
        pass.setPromptText("Passphrase (optional, at least 8 characters)");
        pass.textProperty().bindBidirectional(vm.passphraseProperty());
        PasswordField confirm = new PasswordField();
        confirm.setId("backup-passphrase-confirm");
        confirm.setPromptText("Repeat the passphrase");
        confirm.textProperty().bindBidirectional(vm.confirmProperty());
        Label problem = muted(vm.problemProperty());
        Button start = new Button("Back up now");
        start.setId("backup-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        ListView<String> progress = new ListView<>(vm.progress());
        progress.setPrefHeight(120);
        Label result = wrapping(vm.resultProperty());
        result.setId("backup-result");
        Label hint = new Label("Without a passphrase the backup is readable by anyone who gets the file; it holds"
                + " password hashes, API key hashes and the audit log.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(10, new HBox(8, choose, folder), models, pass, confirm, hint, problem, start, progress, result);
    }

    private VBox restore(RestoreViewModel vm) {
        Button pick = new Button("Choose backup file…");
        pick.setId("restore-pick");
        pick.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("SnapOtter backup");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SnapOtter backup", "*.tar.gz", "*.tar.gz.enc", "*.enc"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) vm.choose(f.toPath());
        });
        Label file = new Label();
        file.setId("restore-file");
        file.textProperty().bind(vm.fileProperty().map(p -> p.getFileName().toString()).orElse(""));
        PasswordField pass = new PasswordField();
        pass.setId("restore-passphrase");
        pass.setPromptText("Passphrase (encrypted backups)");
        pass.textProperty().bindBidirectional(vm.passphraseProperty());
        Button check = new Button("Check");
        check.setOnAction(e -> vm.check());
        HBox passRow = new HBox(8, pass, check);
        passRow.visibleProperty().bind(vm.stateProperty().isEqualTo(RestoreViewModel.State.NEEDS_PASSPHRASE));
        passRow.managedProperty().bind(passRow.visibleProperty());
        Label summary = wrapping(vm.summaryProperty());
        summary.setId("restore-summary");
        summary.getStyleClass().add("status-card");
        Label replaces = wrapping(vm.replacesProperty());
        replaces.setId("restore-replaces");
        replaces.getStyleClass().add(Styles.WARNING);
        CheckBox confirm = new CheckBox("I understand that the current data will be replaced");
        confirm.setId("restore-confirm");
        confirm.selectedProperty().bindBidirectional(vm.confirmedProperty());
        confirm.disableProperty().bind(vm.stateProperty().isNotEqualTo(RestoreViewModel.State.READY));
        Button go = new Button("Restore");
        go.setId("restore-start");
        go.getStyleClass().add(Styles.DANGER);
        go.disableProperty().bind(vm.canRestoreProperty().not());
        go.setOnAction(e -> vm.restore());
        ListView<String> steps = new ListView<>(vm.steps());
        steps.setId("restore-steps");
        steps.setPrefHeight(150);
        Label result = wrapping(vm.resultProperty());
        result.setId("restore-result");
        HBox top = new HBox(8, pick, file);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(10, top, passRow, summary, replaces, confirm, go, steps, result);
    }

    private VBox schedule(ScheduleViewModel vm) {
        CheckBox on = new CheckBox("Back up automatically while SnapOtter is open");
        on.setId("schedule-enabled");
        on.selectedProperty().bindBidirectional(vm.enabledProperty());
        ChoiceBox<BackupSchedule.Frequency> freq = new ChoiceBox<>();
        freq.getItems().setAll(BackupSchedule.Frequency.values());
        freq.valueProperty().bindBidirectional(vm.frequencyProperty());
        ChoiceBox<DayOfWeek> day = new ChoiceBox<>();
        day.getItems().setAll(DayOfWeek.values());
        day.valueProperty().bindBidirectional(vm.dayProperty());
        day.disableProperty().bind(vm.frequencyProperty().isNotEqualTo(BackupSchedule.Frequency.WEEKLY));
        TextField time = new TextField();
        time.setPrefColumnCount(5);
        time.textProperty().bindBidirectional(vm.timeProperty());
        TextField keep = new TextField();
        keep.setPrefColumnCount(4);
        keep.textProperty().bindBidirectional(vm.keepLastProperty());
        TextField dest = new TextField();
        dest.textProperty().bindBidirectional(vm.destinationProperty());
        HBox.setHgrow(dest, Priority.ALWAYS);
        Button browse = new Button("…");
        browse.setOnAction(e -> chooseFolder("Folder for scheduled backups").ifPresent(p -> vm.destinationProperty().set(p.toString())));
        CheckBox models = new CheckBox("Include AI models");
        models.selectedProperty().bindBidirectional(vm.includeModelsProperty());
        GridPane form = new GridPane(10, 8);
        form.addRow(0, new Label("Every"), freq, day);
        form.addRow(1, new Label("At (HH:mm)"), time);
        form.addRow(2, new Label("Keep the last"), keep, new Label("scheduled backups"));
        form.addRow(3, new Label("Folder"), new HBox(6, dest, browse));
        Button save = new Button("Save");
        save.setId("schedule-save");
        save.setOnAction(e -> vm.save());
        Label note = new Label("Scheduled backups are not encrypted (the app never stores a passphrase); keep the"
                + " folder private. Backups you make by hand are never deleted by the schedule.");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(10, on, form, models, note, save, muted(vm.statusProperty()));
    }

    private VBox history(HistoryViewModel vm) {
        Label folder = new Label();
        folder.textProperty().bind(vm.folderProperty().map(Path::toString).orElse("No folder chosen"));
        Button choose = new Button("Folder…");
        choose.setOnAction(e -> chooseFolder("Backup folder").ifPresent(vm.folderProperty()::set));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        ListView<HistoryViewModel.Entry> list = new ListView<>(vm.entries());
        list.setId("history-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryViewModel.Entry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.file().getFileName() + "   "
                        + WHEN.format(item.modified().atZone(ZoneId.systemDefault())) + "   "
                        + SummaryText.size(item.bytes()) + (item.status().isEmpty() ? "" : "\n   " + item.status()));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        PasswordField pass = new PasswordField();
        pass.setPromptText("Passphrase for encrypted backups");
        pass.textProperty().bindBidirectional(vm.passphraseProperty());
        Button verify = new Button("Verify");
        verify.setId("history-verify");
        verify.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        verify.setOnAction(e -> vm.verify(list.getSelectionModel().getSelectedItem()));
        return new VBox(10, new HBox(8, choose, refresh, folder), list, new HBox(8, pass, verify), muted(vm.messageProperty()));
    }

    private java.util.Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File dir = chooser.showDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(dir).map(File::toPath);
    }

    private static Label wrapping(javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.textProperty().bind(text);
        return l;
    }

    private static Label muted(javafx.beans.value.ObservableValue<String> text) {
        Label l = wrapping(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
