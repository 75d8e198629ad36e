package dev.snapotter.desktop.queue;

import dev.snapotter.desktop.backend.ProcessingBackend;
import dev.snapotter.desktop.notice.NoticeCenter;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The queue: files and folders in (drop or Open…), unsupported files reported by name, thumbnails
 * decoded in the background, reorder / remove / clear. All methods are called on the UI thread.
 */
public final class QueueViewModel {

    public static final int THUMBNAIL_SIDE = 96;
    private static final int NAMES_IN_NOTICE = 5;

    private final Supplier<ProcessingBackend> backend;
    private final TaskExecutor executor;
    private final NoticeCenter notices;
    private final SubfolderPrompt prompt;
    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<QueueItem> selected = new SimpleObjectProperty<>();
    private final BooleanProperty scanning = new SimpleBooleanProperty();
    private final BooleanProperty locked = new SimpleBooleanProperty();

    public QueueViewModel(Supplier<ProcessingBackend> thumbnailBackend, TaskExecutor executor, NoticeCenter notices,
                          SubfolderPrompt prompt) {
        this.backend = thumbnailBackend;
        this.executor = executor;
        this.notices = notices;
        this.prompt = prompt;
    }

    public ObservableList<QueueItem> items() {
        return items;
    }

    public ObjectProperty<QueueItem> selectedProperty() {
        return selected;
    }

    public BooleanProperty scanningProperty() {
        return scanning;
    }

    /** True while a batch runs: the queue may not change under it. */
    public BooleanProperty lockedProperty() {
        return locked;
    }

    public StringBinding summaryProperty() {
        return Bindings.createStringBinding(() -> items.isEmpty() ? "No images yet"
                : items.size() == 1 ? "1 image" : items.size() + " images", items);
    }

    /** Adds dropped or opened paths; folders are scanned in the background, asking about sub-folders first. */
    public void addPaths(List<Path> paths) {
        if (paths.isEmpty() || locked.get()) return;
        List<Path> copy = List.copyOf(paths);
        List<Path> folders = copy.stream().filter(Files::isDirectory).toList();
        FileCollector collector = new FileCollector(backend.get().readableExtensions());
        if (folders.isEmpty()) {
            scan(collector, copy, false);
            return;
        }
        scanning.set(true);
        executor.execute(Lane.IO, BackgroundTask.of("look for sub-folders", ctx -> collector.hasSubfolders(folders))
                .onSuccess(has -> scan(collector, copy, has && prompt.includeSubfolders(folders)))
                .onFailure(e -> {
                    scanning.set(false);
                    notices.error("Could not read the folder", e.getMessage());
                }));
    }

    private void scan(FileCollector collector, List<Path> paths, boolean recursive) {
        scanning.set(true);
        executor.execute(Lane.IO, BackgroundTask.of("scan dropped files", ctx -> collector.collect(paths, recursive, ctx))
                .onSuccess(this::accept)
                .onFailure(e -> notices.error("Could not read the dropped files", String.valueOf(e.getMessage())))
                .onFinally(() -> scanning.set(false)));
    }

    private void accept(FileCollector.ScanResult result) {
        Set<Path> present = new HashSet<>();
        items.forEach(i -> present.add(i.path()));
        int added = 0;
        for (Path p : result.supported()) {
            QueueItem item = new QueueItem(p);
            if (!present.add(item.path())) continue;
            items.add(item);
            loadThumbnail(item);
            added++;
        }
        if (selected.get() == null && !items.isEmpty()) selected.set(items.getFirst());
        if (!result.unsupported().isEmpty()) {
            notices.warn(skippedTitle(result.unsupported().size()), names(result.unsupported()));
        } else if (added == 0 && result.supported().isEmpty()) {
            notices.warn("No images found", "Nothing in the dropped items is an image SnapOtter can read.");
        }
    }

    private static String skippedTitle(int n) {
        return n == 1 ? "Skipped 1 unsupported file" : "Skipped " + n + " unsupported files";
    }

    private static String names(List<Path> files) {
        List<String> names = files.stream().limit(NAMES_IN_NOTICE).map(p -> p.getFileName().toString()).toList();
        String joined = String.join(", ", names);
        return files.size() > NAMES_IN_NOTICE ? joined + " and " + (files.size() - NAMES_IN_NOTICE) + " more" : joined;
    }

    private void loadThumbnail(QueueItem item) {
        item.thumbnailTask(executor.execute(Lane.THUMBNAIL,
                BackgroundTask.of("thumbnail " + item.name(), ctx -> backend.get().thumbnail(item.path(), THUMBNAIL_SIDE))
                        .onSuccess(px -> item.thumbnailProperty().set(px))
                        // An unreadable file is the row's problem, not a global error: mark it and explain.
                        .onFailure(e -> item.mark(ItemStatus.FAILED, "Cannot read this file: " + e.getMessage()))));
    }

    public void remove(List<QueueItem> toRemove) {
        if (locked.get()) return;
        toRemove.forEach(QueueItem::cancelThumbnail);
        int index = selected.get() == null ? -1 : items.indexOf(selected.get());
        items.removeAll(List.copyOf(toRemove));
        if (selected.get() != null && !items.contains(selected.get())) {
            selected.set(items.isEmpty() ? null : items.get(Math.min(Math.max(index, 0), items.size() - 1)));
        }
    }

    public void clear() {
        remove(List.copyOf(items));
    }

    /** Moves an item by {@code delta} places (negative = up), clamped to the list. */
    public void move(QueueItem item, int delta) {
        if (locked.get()) return;
        int from = items.indexOf(item);
        if (from < 0) return;
        moveTo(item, Math.clamp(from + (long) delta, 0, items.size() - 1));
    }

    /** Drag-reorder target: puts the item at {@code index}. */
    public void moveTo(QueueItem item, int index) {
        if (locked.get()) return;
        int from = items.indexOf(item);
        if (from < 0 || from == index) return;
        items.remove(from);
        items.add(Math.clamp(index, 0, items.size()), item);
        selected.set(item);
    }

    /** Before a run: every row back to "Queued"; the engine reports unreadable files again with its reason. */
    public void resetForRun() {
        for (QueueItem i : items) {
            i.mark(ItemStatus.QUEUED, "");
            i.outputProperty().set(null);
        }
    }

    public QueueItem find(Path path) {
        Path norm = path.toAbsolutePath().normalize();
        return items.stream().filter(i -> i.path().equals(norm)).findFirst().orElse(null);
    }
}
