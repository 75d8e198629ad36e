package dev.snapotter.ai.model;

import java.nio.file.Path;

/**
 * A tool's model is missing or is not the file it should be. The server maps this to
 * 501 {@code FEATURE_NOT_INSTALLED} with {@link #bundleId()} and {@link #sizeBytes()}.
 */
public final class ModelNotInstalledException extends RuntimeException {

    private final transient ModelSpec spec;
    private final transient Path expectedAt;

    public ModelNotInstalledException(ModelSpec spec, Path expectedAt, String reason) {
        super("AI feature '" + spec.bundleId() + "' is not installed: " + reason + " (expected "
                + spec.fileName() + " at " + expectedAt + ")");
        this.spec = spec;
        this.expectedAt = expectedAt;
    }

    public String bundleId() {
        return spec.bundleId();
    }

    public long sizeBytes() {
        return spec.sizeBytes();
    }

    public ModelSpec spec() {
        return spec;
    }

    public Path expectedAt() {
        return expectedAt;
    }
}
