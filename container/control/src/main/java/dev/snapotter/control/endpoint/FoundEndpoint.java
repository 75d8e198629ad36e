package dev.snapotter.control.endpoint;

import java.util.List;

/** The endpoint that answered, which strategy found it, and everything tried before it. */
public record FoundEndpoint(String strategy, DockerEndpoint endpoint, String apiVersion, List<EndpointAttempt> attempts) {

    public FoundEndpoint {
        attempts = List.copyOf(attempts);
    }
}
