package dev.snapotter.control.endpoint;

/**
 * One way of locating a Docker engine. Strategies only look (environment, files); pinging is the
 * finder's job so that every candidate is checked the same way.
 */
public interface EndpointStrategy {

    /** Short human name shown in the "we tried…" list, e.g. "DOCKER_HOST". */
    String name();

    Probe locate(HostEnvironment host);

    default Probe.Candidate found(DockerEndpoint endpoint) {
        return new Probe.Candidate(name(), endpoint);
    }

    default Probe.Skipped skipped(String reason) {
        return new Probe.Skipped(name(), reason);
    }
}
