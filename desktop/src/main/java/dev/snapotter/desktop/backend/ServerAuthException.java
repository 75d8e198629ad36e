package dev.snapotter.desktop.backend;

/** The server no longer accepts the credentials (401/403): the user has to sign in or enter a key again. */
public final class ServerAuthException extends BackendUnavailableException {

    public ServerAuthException(String message) {
        super(message);
    }
}
