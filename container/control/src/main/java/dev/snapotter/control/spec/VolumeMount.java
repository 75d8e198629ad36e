package dev.snapotter.control.spec;

import java.util.Objects;

/** A named Docker volume mounted at a path in the container. */
public record VolumeMount(String volume, String target) {

    public VolumeMount {
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(target, "target");
        if (!volume.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            throw new IllegalArgumentException("Not a valid Docker volume name: '" + volume + "'");
        }
        if (!target.startsWith("/")) throw new IllegalArgumentException("Mount target must be absolute: " + target);
    }
}
