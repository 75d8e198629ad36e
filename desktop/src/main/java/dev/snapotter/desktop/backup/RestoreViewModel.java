package dev.snapotter.desktop.backup;

import dev.snapotter.backup.BackupRejectedException;
import dev.snapotter.backup.BackupSummary;
import dev.snapotter.control.backup.RestoreListener;
import dev.snapotter.control.backup.RestoreOutcome;
import dev.snapotter.control.backup.RestoreStep;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import java.nio.file.Path;
import java.time.ZoneId;
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

/**
 * Restore: pick a file → it is checked completely and summarised (what it holds, what it replaces) → the user
 * confirms explicitly → progress step by step → the result, including what a rollback did. Nothing is stopped
 * before the confirmation, and the procedure itself refuses a bad archive before stopping anything.
 */
public final class RestoreViewModel {

    public enum State { EMPTY, CHECKING, NEEDS_PASSPHRASE, REFUSED, READY, RUNNING, DONE }

    private final BackupPort port;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.EMPTY);
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty replaces = new SimpleStringProperty("");
    private final BooleanProperty confirmed = new SimpleBooleanProperty();
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final StringProperty result = new SimpleStringProperty("");
    private final ObjectProperty<RestoreOutcome.Result> outcome = new SimpleObjectProperty<>();
    private final BooleanBinding canRestore;

    public RestoreViewModel(BackupPort port, TaskExecutor executor, ZoneId zone) {
        this.port = port;
        this.executor = executor;
        this.zone = zone;
        canRestore = Bindings.createBooleanBinding(() -> state.get() == State.READY && confirmed.get(), state, confirmed);
    }

    /** A file was picked: check it at once (or ask for its passphrase first). */
    public void choose(Path archive) {
        file.set(archive);
        confirmed.set(false);
        steps.clear();
        result.set("");
        outcome.set(null);
        check();
    }

    /** Checks the chosen file again, e.g. after the passphrase was entered. */
    public void check() {
        Path archive = file.get();
        if (archive == null) return;
        char[] pass = passphrase.get().isEmpty() ? null : passphrase.get().toCharArray();
        state.set(State.CHECKING);
        summary.set("Checking " + archive.getFileName() + " …");
        executor.execute(Lane.SERVER, BackgroundTask.of("check backup", ctx -> {
            boolean encrypted = port.encrypted(archive);
            if (encrypted && pass == null) return new Checked(null, true, "");
            BackupSummary s = port.verify(archive, pass);
            return new Checked(s, encrypted, port.currentData());
        }).onSuccess(c -> {
            if (c.summary() == null) {
                state.set(State.NEEDS_PASSPHRASE);
                summary.set("This backup is encrypted. Enter its passphrase and press Check.");
                return;
            }
            summary.set(SummaryText.of(c.summary(), c.encrypted(), zone));
            replaces.set("Restoring replaces " + c.currentData() + ": users, API keys, saved pipelines, settings,"
                    + " audit log and files. A safety backup of the current data is taken first, and if anything"
                    + " fails after the server was stopped, the current data is put back.");
            state.set(State.READY);
        }).onFailure(e -> {
            state.set(e instanceof BackupRejectedException r && r.reason() == BackupRejectedException.Reason.WRONG_PASSPHRASE
                    ? State.NEEDS_PASSPHRASE : State.REFUSED);
            summary.set("This file cannot be restored: " + e.getMessage());
            replaces.set("");
        }));
    }

    private record Checked(BackupSummary summary, boolean encrypted, String currentData) {
    }

    /** Runs the restore procedure; only after the explicit confirmation. */
    public void restore() {
        if (!canRestore.get()) return;
        Path archive = file.get();
        char[] pass = passphrase.get().isEmpty() ? null : passphrase.get().toCharArray();
        state.set(State.RUNNING);
        steps.clear();
        result.set("");
        RestoreListener listener = new RestoreListener() {
            @Override
            public void started(RestoreStep step) {
                executor.uiThread().run(() -> steps.add("… " + step.title()));
            }

            @Override
            public void finished(RestoreOutcome.StepRecord r) {
                executor.uiThread().run(() -> {
                    if (!steps.isEmpty()) steps.removeLast();
                    steps.add(mark(r.status()) + " " + r.step().title() + (r.detail().isEmpty() ? "" : " — " + r.detail()));
                });
            }
        };
        executor.execute(Lane.SERVER, BackgroundTask.of("restore backup", ctx -> port.restore(archive, pass, listener))
                .onSuccess(o -> {
                    outcome.set(o.result());
                    steps.setAll(o.steps().stream().map(r -> mark(r.status()) + " " + r.step().title()
                            + (r.detail().isEmpty() ? "" : " — " + r.detail())).toList());
                    o.safetyBackup().ifPresent(p -> steps.add("Safety backup of the previous data: " + p));
                    result.set(headline(o) + "\n" + o.message());
                    state.set(State.DONE);
                }).onFailure(e -> {
                    result.set("The restore could not run: " + e.getMessage());
                    state.set(State.DONE);
                }).onFinally(() -> confirmed.set(false)));
    }

    private static String mark(RestoreOutcome.Status s) {
        return switch (s) {
            case OK -> "✓";
            case FAILED -> "✗";
            case SKIPPED -> "–";
        };
    }

    static String headline(RestoreOutcome o) {
        return switch (o.result()) {
            case RESTORED -> "Restored.";
            case REFUSED -> "Refused — nothing was changed.";
            case ROLLED_BACK -> "The restore failed and was rolled back: your previous data is in place and the server runs on it.";
            case ROLLBACK_FAILED -> "The restore failed and the previous data could not be put back automatically.";
        };
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty replacesProperty() {
        return replaces;
    }

    public BooleanProperty confirmedProperty() {
        return confirmed;
    }

    public BooleanBinding canRestoreProperty() {
        return canRestore;
    }

    public ObservableList<String> steps() {
        return steps;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public ObjectProperty<RestoreOutcome.Result> outcomeProperty() {
        return outcome;
    }
}
