package dev.snapotter.control.lifecycle;

import java.util.Map;
import java.util.Optional;

/** A local image as far as SnapOtter cares: its id, labels and the version label. */
public record ImageInfo(String reference, String id, Map<String, String> labels) {

    public ImageInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public Optional<String> version() {
        return Optional.ofNullable(labels.get(dev.snapotter.control.spec.ManagedLabels.IMAGE_VERSION));
    }
}
