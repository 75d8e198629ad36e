package dev.snapotter.desktop.backup;

import dev.snapotter.backup.BackupOptions;
import dev.snapotter.control.backup.BackupResult;
import dev.snapotter.control.backup.BackupService;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Backup now: destination folder, AI models or not, optional passphrase (typed twice), progress and result. */
public final class BackupNowViewModel {

    /** The server's own minimum (BackupRoutes); checked here so the user learns it before anything runs. */
    static final int MIN_PASSPHRASE = 8;

    private final BackupPort port;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ObjectProperty<Path> destination = new SimpleObjectProperty<>();
    private final BooleanProperty includeModels = new SimpleBooleanProperty();
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final BooleanBinding canStart;
    private Runnable afterBackup = () -> { };

    public BackupNowViewModel(BackupPort port, TaskExecutor executor, Clock clock) {
        this.port = port;
        this.executor = executor;
        this.clock = clock;
        problem.bind(Bindings.createStringBinding(this::validate, destination, passphrase, confirm));
        canStart = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !busy.get(), problem, busy);
    }

    private String validate() {
        if (destination.get() == null) return "Choose a folder for the backup.";
        String p = passphrase.get();
        if (!p.isEmpty() && p.length() < MIN_PASSPHRASE) return "A passphrase needs at least " + MIN_PASSPHRASE + " characters.";
        if (!p.equals(confirm.get())) return "The two passphrases differ.";
        return "";
    }

    /** Called after every successful backup (the history list refreshes). */
    public void onBackupDone(Runnable action) {
        afterBackup = action;
    }

    public void start() {
        if (!canStart.get()) return;
        Path file = destination.get().resolve(BackupService.fileName("snapotter-backup", clock.instant()));
        char[] pass = passphrase.get().isEmpty() ? null : passphrase.get().toCharArray();
        BackupOptions options = new BackupOptions(includeModels.get(), pass);
        busy.set(true);
        progress.clear();
        result.set("");
        executor.execute(Lane.SERVER, BackgroundTask.<BackupResult>of("backup now", ctx ->
                port.backup(file, options, line -> executor.uiThread().run(() -> progress.add(line))))
                .onSuccess(r -> {
                    result.set("Saved " + r.file().getFileName() + " (" + SummaryText.size(r.bytes()) + ", "
                            + (r.route() == BackupResult.Route.SERVER_API ? "taken by the running server"
                            : "read from the data volume by a helper container")
                            + (options.encrypted() ? ", encrypted" : "") + ").");
                    passphrase.set("");
                    confirm.set("");
                    afterBackup.run();
                })
                .onFailure(e -> result.set("The backup failed; no file was left behind: " + e.getMessage()))
                .onFinally(() -> {
                    busy.set(false);
                    if (pass != null) java.util.Arrays.fill(pass, '\0');
                }));
    }

    public ObjectProperty<Path> destinationProperty() {
        return destination;
    }

    public BooleanProperty includeModelsProperty() {
        return includeModels;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public ObservableList<String> progress() {
        return progress;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }
}
