package dev.snapotter.server.jobs;

import java.util.Locale;

/** The jobs.status values. */
public enum JobStatus {
    QUEUED, PROCESSING, COMPLETED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED;
    }

    public static JobStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
