package dev.snapotter.control.endpoint;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** No strategy produced a Docker engine that answers; carries every strategy's reason. */
public final class DockerUnavailableException extends Exception {

    private final transient List<EndpointAttempt> attempts;

    public DockerUnavailableException(List<EndpointAttempt> attempts) {
        super(message(attempts));
        this.attempts = List.copyOf(attempts);
    }

    public List<EndpointAttempt> attempts() {
        return attempts;
    }

    /**
     * The most telling failure among pinged candidates: a permission problem beats "not running", which beats
     * other errors; empty when no candidate existed at all (Docker not installed, or installed somewhere unknown).
     */
    public Optional<PingResult.Failure> mostRelevantFailure() {
        return attempts.stream().flatMap(a -> a.failure().stream()).min(Enum::compareTo);
    }

    private static String message(List<EndpointAttempt> attempts) {
        return "No reachable Docker engine. Tried:" + attempts.stream()
                .map(a -> "\n  - " + a)
                .collect(Collectors.joining());
    }
}
