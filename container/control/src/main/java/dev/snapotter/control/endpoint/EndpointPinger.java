package dev.snapotter.control.endpoint;

/** Checks that a candidate endpoint is a live Docker engine. Must never throw. */
@FunctionalInterface
public interface EndpointPinger {

    PingResult ping(DockerEndpoint endpoint);
}
