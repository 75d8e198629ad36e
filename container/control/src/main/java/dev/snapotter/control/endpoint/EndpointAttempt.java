package dev.snapotter.control.endpoint;

import java.util.Optional;

/**
 * What happened to one strategy during discovery, in order; the full list is what the user sees when no engine
 * was found ("we looked here, here and here, and this is why each failed").
 *
 * @param failure empty when the strategy was skipped before any ping, or when it won
 */
public record EndpointAttempt(String strategy, Optional<DockerEndpoint> endpoint, boolean reachable,
                              Optional<PingResult.Failure> failure, String reason) {

    @Override
    public String toString() {
        return strategy + endpoint.map(e -> " [" + e + "]").orElse("") + ": " + reason;
    }
}
