package dev.snapotter.control.endpoint;

import java.util.Objects;

/** What one discovery strategy found: an endpoint worth pinging, or the reason it has none. */
public sealed interface Probe {

    String strategy();

    record Candidate(String strategy, DockerEndpoint endpoint) implements Probe {
        public Candidate {
            Objects.requireNonNull(strategy);
            Objects.requireNonNull(endpoint);
        }
    }

    record Skipped(String strategy, String reason) implements Probe {
        public Skipped {
            Objects.requireNonNull(strategy);
            Objects.requireNonNull(reason);
        }
    }
}
