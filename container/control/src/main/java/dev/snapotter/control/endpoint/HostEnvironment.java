package dev.snapotter.control.endpoint;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything endpoint discovery reads from the host: environment variables, the home directory, the OS,
 * and the file system. Injected so that every strategy can be tested against a fake host
 * ({@code fsRoot} = a temporary directory) without touching the real one.
 *
 * @param env    environment variables (a GUI-launched app may not see the shell's; that is why the
 *               socket strategies exist at all)
 * @param home   the user's home directory, already inside {@code fsRoot}
 * @param os     the OS family
 * @param fsRoot where absolute host paths such as {@code /var/run/docker.sock} are resolved; "/" on a real host
 */
public record HostEnvironment(Map<String, String> env, Path home, OsFamily os, Path fsRoot) {

    public HostEnvironment {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(fsRoot, "fsRoot");
    }

    /** The real host this JVM runs on. */
    public static HostEnvironment system() {
        return new HostEnvironment(System.getenv(), Path.of(System.getProperty("user.home")),
                OsFamily.current(), Path.of("/").toAbsolutePath().getRoot());
    }

    /** A non-blank environment variable. */
    public Optional<String> variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** An absolute host path such as {@code /run/podman/podman.sock}, resolved under {@link #fsRoot()}. */
    public Path hostPath(String absolute) {
        String relative = absolute.startsWith("/") ? absolute.substring(1) : absolute;
        return fsRoot.resolve(relative);
    }

    /**
     * Maps a path found on this host (in {@code fsRoot}) back to the path the Docker client must use.
     * Identity on a real host; strips the fake root in tests so URIs stay host-shaped.
     */
    public String clientPath(Path onHost) {
        Path abs = onHost.toAbsolutePath().normalize();
        Path root = fsRoot.toAbsolutePath().normalize();
        if (root.getParent() == null) return abs.toString();
        return abs.startsWith(root) ? "/" + root.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
