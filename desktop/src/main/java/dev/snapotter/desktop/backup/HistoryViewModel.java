package dev.snapotter.desktop.backup;

import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The backups in the destination folder (newest first, with date and size), each verifiable on demand. */
public final class HistoryViewModel {

    /** One backup file; {@code status} is empty until it was verified. */
    public record Entry(Path file, Instant modified, long bytes, String status) {
        public Entry withStatus(String s) {
            return new Entry(file, modified, bytes, s);
        }
    }

    private final BackupPort port;
    private final TaskExecutor executor;
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public HistoryViewModel(BackupPort port, TaskExecutor executor) {
        this.port = port;
        this.executor = executor;
        folder.addListener((o, a, b) -> refresh());
    }

    public void refresh() {
        Path dir = folder.get();
        if (dir == null) {
            entries.clear();
            return;
        }
        executor.execute(Lane.IO, BackgroundTask.of("list backups", ctx -> list(dir))
                .onSuccess(list -> {
                    entries.setAll(list);
                    message.set(list.isEmpty() ? "No backups in " + dir + " yet." : "");
                })
                .onFailure(e -> message.set("Cannot list " + dir + ": " + e.getMessage())));
    }

    /** Finished backups only: temp files of a backup in progress ({@code .*.partial}) are not backups. */
    static List<Entry> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String n = f.getFileName().toString();
                        return !n.startsWith(".") && (n.endsWith(".tar.gz") || n.endsWith(".tar.gz.enc"));
                    })
                    .map(f -> {
                        try {
                            return new Entry(f, Files.getLastModifiedTime(f).toInstant(), Files.size(f), "");
                        } catch (IOException e) {
                            return null;
                        }
                    })
                    .filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparing(Entry::modified).reversed())
                    .toList();
        }
    }

    /** Reads the whole file and checks every checksum (the passphrase field is used for encrypted ones). */
    public void verify(Entry entry) {
        char[] pass = passphrase.get().isEmpty() ? null : passphrase.get().toCharArray();
        replace(entry, entry.withStatus("Verifying …"));
        executor.execute(Lane.IO, BackgroundTask.of("verify backup", ctx -> port.verify(entry.file(), pass))
                .onSuccess(s -> replace(entry, entry.withStatus("OK — " + s.fileCount() + " files, every checksum matches")))
                .onFailure(e -> replace(entry, entry.withStatus("Refused — " + e.getMessage()))));
    }

    private void replace(Entry old, Entry now) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).file().equals(old.file())) {
                entries.set(i, now);
                return;
            }
        }
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
