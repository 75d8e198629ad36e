package dev.snapotter.control.endpoint;

import java.util.Optional;

/**
 * The endpoint that answered on the previous launch (Testcontainers caches its winner the same way), tried right
 * after an explicit setting so a normal launch costs one ping. If it no longer answers, discovery simply goes on
 * and the caller remembers the new winner (or forgets it when nothing answers).
 */
public record RememberedEndpointStrategy(Optional<DockerEndpoint> remembered) implements EndpointStrategy {

    @Override
    public String name() {
        return "last working endpoint";
    }

    @Override
    public Probe locate(HostEnvironment host) {
        return remembered.<Probe>map(this::found).orElseGet(() -> skipped("none remembered from an earlier launch"));
    }
}
