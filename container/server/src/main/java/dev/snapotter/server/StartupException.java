package dev.snapotter.server;

/** A condition that makes starting pointless (unwritable volume, unusable database); Main prints it and exits 1. */
public final class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
