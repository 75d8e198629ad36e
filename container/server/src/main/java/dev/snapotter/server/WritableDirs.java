package dev.snapotter.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fails fast with an actionable message when a folder the server must write to is not writable. */
public final class WritableDirs {

    private WritableDirs() {
    }

    public static void require(Path dir, String variable, UidSource uid) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-test-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            String who = uid.uid().isPresent() ? "uid " + uid.uid().getAsLong() : "this user";
            throw new StartupException(variable + " (" + dir + ") is not writable by " + who + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + ". Mount a volume this user owns (e.g. chown it to the container user) or set " + variable + " to a writable folder.", e);
        }
    }
}
