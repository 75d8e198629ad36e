package dev.snapotter.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's name for the manifest, without a DNS lookup (InetAddress.getLocalHost may query the network). */
final class SourceHost {

    private SourceHost() {
    }

    static String name() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env.strip();
        try {
            String file = Files.readString(Path.of("/etc/hostname")).strip();
            if (!file.isEmpty()) return file;
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or no hostname file
        }
        String computer = System.getenv("COMPUTERNAME");
        return computer == null || computer.isBlank() ? "unknown" : computer.strip();
    }
}
