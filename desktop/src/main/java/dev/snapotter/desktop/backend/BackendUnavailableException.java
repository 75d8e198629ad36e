package dev.snapotter.desktop.backend;

/** The selected backend cannot run work; the message says why in plain language. */
public class BackendUnavailableException extends RuntimeException {

    public BackendUnavailableException(String message) {
        super(message);
    }
}
