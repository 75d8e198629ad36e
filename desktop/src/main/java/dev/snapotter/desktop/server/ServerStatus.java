package dev.snapotter.desktop.server;

import dev.snapotter.control.lifecycle.HealthSnapshot;

import java.time.Instant;
import java.util.Optional;

/**
 * What the status card shows about the existing container, from one inspect.
 *
 * @param startedAt empty when the container is not running
 * @param version   the image's version label, when it has one
 */
public record ServerStatus(String containerId, HealthSnapshot health, String image, Optional<String> version,
                           int port, String dataVolume, Optional<Instant> startedAt) {
}
