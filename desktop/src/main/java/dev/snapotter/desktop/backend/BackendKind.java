package dev.snapotter.desktop.backend;

/** Where batches run. */
public enum BackendKind {
    LOCAL_ENGINE("Local engine"),
    LOCAL_CONTAINER("Local container"),
    REMOTE_SERVER("Remote server");

    private final String label;

    BackendKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
