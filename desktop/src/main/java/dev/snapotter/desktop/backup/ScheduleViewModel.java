package dev.snapotter.desktop.backup;

import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Schedule form: daily/weekly at a time, keep the last N, destination; saved and applied at once. */
public final class ScheduleViewModel {

    private final BackupScheduleStore store;
    private final BackupScheduler scheduler;
    private final TaskExecutor executor;
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final ObjectProperty<BackupSchedule.Frequency> frequency = new SimpleObjectProperty<>();
    private final ObjectProperty<DayOfWeek> day = new SimpleObjectProperty<>();
    private final StringProperty time = new SimpleStringProperty();
    private final StringProperty keepLast = new SimpleStringProperty();
    private final StringProperty destination = new SimpleStringProperty();
    private final BooleanProperty includeModels = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");

    public ScheduleViewModel(BackupScheduleStore store, BackupScheduler scheduler, TaskExecutor executor) {
        this.store = store;
        this.scheduler = scheduler;
        this.executor = executor;
        show(store.load());
    }

    private void show(BackupSchedule s) {
        enabled.set(s.enabled());
        frequency.set(s.frequency());
        day.set(s.day());
        time.set(s.time().format(DateTimeFormatter.ofPattern("HH:mm")));
        keepLast.set(Integer.toString(s.keepLast()));
        destination.set(s.destination());
        includeModels.set(s.includeModels());
        describe();
    }

    /** Starts the scheduler with what is saved (app start / window open). */
    public void activate() {
        scheduler.apply(store.load());
        describe();
    }

    /** Validates, saves (IO lane) and applies the form. */
    public void save() {
        BackupSchedule s;
        try {
            s = new BackupSchedule(enabled.get(), frequency.get(), day.get(), LocalTime.parse(time.get().strip()),
                    Integer.parseInt(keepLast.get().strip()), destination.get() == null ? "" : destination.get().strip(),
                    includeModels.get());
        } catch (DateTimeParseException e) {
            status.set("The time must look like 02:30.");
            return;
        } catch (NumberFormatException e) {
            status.set("Keep must be a whole number.");
            return;
        } catch (IllegalArgumentException e) {
            status.set("Not saved: " + e.getMessage() + ".");
            return;
        }
        BackupSchedule toSave = s;
        executor.execute(Lane.IO, BackgroundTask.action("save backup schedule", ctx -> store.save(toSave))
                .onSuccess(v -> {
                    scheduler.apply(toSave);
                    describe();
                })
                .onFailure(e -> status.set("Could not save the schedule: " + e.getMessage())));
    }

    private void describe() {
        status.set(scheduler.next().map(n -> "Next backup: " + n.format(DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH))
                + " (while SnapOtter is open)").orElse(enabled.get() ? "Saved; press Save to start it." : "No scheduled backups."));
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ObjectProperty<BackupSchedule.Frequency> frequencyProperty() {
        return frequency;
    }

    public ObjectProperty<DayOfWeek> dayProperty() {
        return day;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty keepLastProperty() {
        return keepLast;
    }

    public StringProperty destinationProperty() {
        return destination;
    }

    public BooleanProperty includeModelsProperty() {
        return includeModels;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
