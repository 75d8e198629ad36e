package dev.snapotter.control.backup;

import java.nio.file.Path;

/** A finished backup: where it is, how big, and which way it was taken. */
public record BackupResult(Path file, long bytes, Route route) {

    public enum Route {
        /** The running server's admin endpoint (app-consistent snapshot while it serves requests). */
        SERVER_API,
        /** A network-less helper container on the data volume (server stopped or unhealthy). */
        HELPER_CONTAINER
    }
}
