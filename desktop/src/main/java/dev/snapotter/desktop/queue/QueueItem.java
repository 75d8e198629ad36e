package dev.snapotter.desktop.queue;

import dev.snapotter.desktop.backend.Pixels;
import dev.snapotter.desktop.task.TaskHandle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;

/** One file in the queue: its thumbnail, status, and the reason when something went wrong. */
public final class QueueItem {

    private final Path path;
    private final ObjectProperty<Pixels> thumbnail = new SimpleObjectProperty<>();
    private final ObjectProperty<ItemStatus> status = new SimpleObjectProperty<>(ItemStatus.QUEUED);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Path> output = new SimpleObjectProperty<>();
    private TaskHandle thumbnailTask = TaskHandle.DONE;

    public QueueItem(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    public Path path() {
        return path;
    }

    public String name() {
        return path.getFileName().toString();
    }

    public ObjectProperty<Pixels> thumbnailProperty() {
        return thumbnail;
    }

    public ObjectProperty<ItemStatus> statusProperty() {
        return status;
    }

    public ItemStatus status() {
        return status.get();
    }

    /** The error (or skip reason) shown as the row's tooltip. */
    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<Path> outputProperty() {
        return output;
    }

    void thumbnailTask(TaskHandle handle) {
        this.thumbnailTask = handle;
    }

    void cancelThumbnail() {
        thumbnailTask.cancel();
    }

    public void mark(ItemStatus newStatus, String reason) {
        status.set(newStatus);
        message.set(reason == null ? "" : reason);
    }

    @Override
    public String toString() {
        return name() + " [" + status.get() + "]";
    }
}
