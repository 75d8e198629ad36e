package dev.snapotter.control.endpoint;

/** The answer of one ping to a candidate endpoint. */
public sealed interface PingResult {

    /** Why a candidate did not answer; the desktop's onboarding maps these to explanations and fixes. */
    enum Failure {
        /** The socket exists but this user may not use it (not in the docker group). */
        NO_PERMISSION,
        /** Nothing listens (daemon stopped, stale socket file, pipe absent). */
        NOT_RUNNING,
        /** Anything else: TLS problems, a non-Docker server, timeouts. */
        ERROR
    }

    record Reachable(String apiVersion) implements PingResult {
    }

    record Unreachable(Failure failure, String reason) implements PingResult {
    }
}
