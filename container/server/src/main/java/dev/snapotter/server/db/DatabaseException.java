package dev.snapotter.server.db;

/** A database failure; surfaces as a generic 500 (details only in the log). */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
