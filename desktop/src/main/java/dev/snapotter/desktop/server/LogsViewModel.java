package dev.snapotter.desktop.server;

import dev.snapotter.control.monitor.LogLine;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The container's log lines (capped), search with next/previous, follow, timestamps, and save to file.
 * Follow is a plain property the view turns off when the user scrolls up, and on again at the bottom.
 */
public final class LogsViewModel {

    static final int MAX_LINES = 5_000;

    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final IntegerProperty match = new SimpleIntegerProperty(-1);
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final BooleanProperty timestamps = new SimpleBooleanProperty(false);

    public LogsViewModel() {
        query.addListener((o, a, b) -> match.set(-1));
    }

    public void append(List<LogLine> batch) {
        lines.addAll(batch);
        int excess = lines.size() - MAX_LINES;
        if (excess > 0) {
            lines.remove(0, excess);
            match.set(match.get() >= excess ? match.get() - excess : -1);
        }
    }

    public void clear() {
        lines.clear();
        match.set(-1);
    }

    public String format(LogLine line) {
        String prefix = timestamps.get() ? line.timestamp().map(t -> t + "  ").orElse("") : "";
        return prefix + line.text();
    }

    /** Moves to the next line containing the query (wrapping); stops following so the match stays in view. */
    public boolean next() {
        return find(1);
    }

    public boolean previous() {
        return find(-1);
    }

    private boolean find(int step) {
        String q = query.get().toLowerCase(Locale.ROOT);
        if (q.isEmpty() || lines.isEmpty()) return false;
        int n = lines.size();
        int start = match.get() < 0 ? (step > 0 ? -1 : n) : match.get();
        for (int i = 1; i <= n; i++) {
            int at = Math.floorMod(start + step * i, n);
            if (lines.get(at).text().toLowerCase(Locale.ROOT).contains(q)) {
                follow.set(false);
                match.set(at);
                return true;
            }
        }
        return false;
    }

    public String allText() {
        return lines.stream().map(this::format).collect(Collectors.joining("\n", "", lines.isEmpty() ? "" : "\n"));
    }

    /** Writes every line to {@code file} atomically (temp file + rename): a failed save leaves no half file. */
    public void saveTo(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".snapotter-log-", ".tmp");
        try {
            Files.writeString(tmp, allText(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public ObservableList<LogLine> lines() {
        return lines;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Index of the current search match, -1 when none. */
    public ReadOnlyIntegerProperty matchProperty() {
        return match;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public BooleanProperty timestampsProperty() {
        return timestamps;
    }
}
