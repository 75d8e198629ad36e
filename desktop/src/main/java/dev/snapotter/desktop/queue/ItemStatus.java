package dev.snapotter.desktop.queue;

/** Where a queued file stands. */
public enum ItemStatus {
    QUEUED("Queued"),
    PROCESSING("Processing"),
    DONE("Done"),
    SKIPPED("Skipped"),
    FAILED("Failed"),
    CANCELLED("Cancelled");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
