package dev.snapotter.desktop.backend;

import dev.snapotter.control.api.ApiException;

import java.time.Duration;
import java.util.Optional;

/**
 * Turns the server's error answers into what the desktop does about them: a reason on one file, a wait and
 * retry, or the end of the run with a notice (the key was refused, the server is gone).
 */
final class RemoteErrors {

    /** Longest wait the desktop accepts from a Retry-After before giving up on the file. */
    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private RemoteErrors() {
    }

    /** A wait the server asked for (429 rate limit, 503 busy), when retrying makes sense. */
    static Optional<Duration> retryAfter(ApiException e) {
        if (e.status() != 429 && e.status() != 503) return Optional.empty();
        Duration d = e.retryAfter().orElse(Duration.ofSeconds(e.status() == 429 ? 60 : 10));
        return d.compareTo(MAX_WAIT) <= 0 ? Optional.of(d) : Optional.empty();
    }

    /** The run cannot go on: the credentials are refused or the server cannot be reached. */
    static Optional<BackendUnavailableException> fatal(ApiException e, String where) {
        if (e.status() == 401) {
            return Optional.of(new ServerAuthException("The server at " + where + " refused the API key (it was revoked"
                    + " or expired). Sign in again: Server window for the local container, or enter a new key."));
        }
        if (e.status() == 403 && "MUST_CHANGE_PASSWORD".equals(e.code())) {
            return Optional.of(new ServerAuthException("The server at " + where + " wants the account's password"
                    + " changed first. Sign in to the server and change it, then connect again."));
        }
        if (e.status() == 0) {
            return Optional.of(new BackendUnavailableException("Lost the connection to " + where + ": "
                    + e.getMessage()));
        }
        return Optional.empty();
    }

    /** The reason shown on the one file the error belongs to. */
    static String perFile(ApiException e) {
        String server = serverText(e);
        return switch (e.status()) {
            case 413 -> "Too large for the server's upload limit (MAX_UPLOAD_SIZE_MB on the server).";
            case 429 -> "The server's rate limit was hit and stayed hit (RATE_LIMIT_PER_MIN): " + server;
            case 501 -> "FEATURE_NOT_INSTALLED".equals(e.code())
                    ? "The server lacks a feature this pipeline needs (" + server + "). An administrator can install it."
                    : "The server does not support this: " + server;
            case 503 -> "The server is busy or shutting down: " + server;
            case 504 -> "The server took too long (PROCESSING_TIMEOUT_S): " + server;
            case 403 -> "Not allowed with this key: " + server;
            default -> "The server could not process it: " + server;
        };
    }

    /** The server's own sentence, without the "(HTTP 501, CODE)" the client adds for logs. */
    private static String serverText(ApiException e) {
        String m = String.valueOf(e.getMessage()).replaceAll(" \\(HTTP \\d+(, [A-Z_]+)?\\)$", "");
        return m.isBlank() ? "HTTP " + e.status() : m;
    }
}
