package dev.snapotter.engine.batch;

import java.time.Duration;
import java.util.List;

/** Per-file outcomes of a finished (or cancelled) batch, in input order. */
public record BatchResult(List<FileOutcome> outcomes, boolean cancelled, Duration elapsed) {

    public BatchResult {
        outcomes = List.copyOf(outcomes);
    }

    public long count(FileOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public List<FileOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == FileOutcome.Status.FAILED).toList();
    }
}
