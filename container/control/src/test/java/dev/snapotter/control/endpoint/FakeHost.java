package dev.snapotter.control.endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A fake host under a temp dir: env map, home at /home/otter, "socket" files as empty files. */
final class FakeHost {

    final Path root;
    final Map<String, String> env = new HashMap<>();
    OsFamily os = OsFamily.LINUX;
    /** The home directory as a host path (macOS tests use /Users/otter). */
    String home = "/home/otter";

    FakeHost(Path root) {
        this.root = root;
    }

    Path home() {
        return root.resolve(home.substring(1));
    }

    FakeHost socket(String absolutePath) {
        return file(absolutePath, "");
    }

    FakeHost file(String absolutePath, String content) {
        Path p = root.resolve(absolutePath.substring(1));
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    FakeHost homeSocket(String relative) {
        return socket(home + "/" + relative);
    }

    HostEnvironment environment() {
        return new HostEnvironment(env, home(), os, root);
    }
}
