package dev.snapotter.control.endpoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the strategies in order, pings each distinct candidate, and caches the first that answers.
 * Thread-safe; {@link #forget()} drops the cached winner (e.g. after the engine went away).
 */
public final class DockerEndpointFinder {

    private static final Logger LOG = LoggerFactory.getLogger(DockerEndpointFinder.class);

    private final List<EndpointStrategy> strategies;
    private final HostEnvironment host;
    private final EndpointPinger pinger;
    private FoundEndpoint cached;

    public DockerEndpointFinder(List<EndpointStrategy> strategies, HostEnvironment host, EndpointPinger pinger) {
        this.strategies = List.copyOf(strategies);
        this.host = Objects.requireNonNull(host);
        this.pinger = Objects.requireNonNull(pinger);
    }

    /** The cached winner, or a fresh discovery. */
    public synchronized FoundEndpoint find() throws DockerUnavailableException {
        if (cached == null) cached = discover();
        return cached;
    }

    public synchronized Optional<FoundEndpoint> cached() {
        return Optional.ofNullable(cached);
    }

    public synchronized void forget() {
        cached = null;
    }

    private FoundEndpoint discover() throws DockerUnavailableException {
        List<EndpointAttempt> attempts = new ArrayList<>();
        Set<String> pinged = new HashSet<>();
        for (EndpointStrategy strategy : strategies) {
            Probe probe = strategy.locate(host);
            switch (probe) {
                case Probe.Skipped s -> attempts.add(
                        new EndpointAttempt(s.strategy(), Optional.empty(), false, Optional.empty(), s.reason()));
                case Probe.Candidate c -> {
                    DockerEndpoint endpoint = c.endpoint();
                    if (!pinged.add(endpoint.host().toString())) {
                        attempts.add(new EndpointAttempt(c.strategy(), Optional.of(endpoint), false, Optional.empty(),
                                "same endpoint as an earlier strategy"));
                        continue;
                    }
                    PingResult result = pinger.ping(endpoint);
                    if (result instanceof PingResult.Reachable ok) {
                        attempts.add(new EndpointAttempt(c.strategy(), Optional.of(endpoint), true, Optional.empty(),
                                "answered (API " + ok.apiVersion() + ")"));
                        LOG.info("Docker engine found by {} at {} (API {})", c.strategy(), endpoint, ok.apiVersion());
                        return new FoundEndpoint(c.strategy(), endpoint, ok.apiVersion(), attempts);
                    }
                    PingResult.Unreachable bad = (PingResult.Unreachable) result;
                    attempts.add(new EndpointAttempt(c.strategy(), Optional.of(endpoint), false,
                            Optional.of(bad.failure()), bad.reason()));
                }
            }
        }
        DockerUnavailableException failure = new DockerUnavailableException(attempts);
        LOG.warn(failure.getMessage());
        throw failure;
    }
}
