package dev.snapotter.control.endpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A well-known unix socket location (system Docker, rootless, Docker Desktop, Colima, Rancher Desktop, Podman).
 * The location may depend on the environment ({@code $XDG_RUNTIME_DIR}, {@code $TMPDIR}) or the home directory.
 */
public final class SocketFileStrategy implements EndpointStrategy {

    private final String name;
    private final Set<OsFamily> systems;
    private final Function<HostEnvironment, Optional<Path>> location;
    private final String unresolvedReason;

    /**
     * @param location         where the socket would be on this host, or empty when that cannot be known
     * @param unresolvedReason reason reported when {@code location} is empty (e.g. "XDG_RUNTIME_DIR is not set")
     */
    public SocketFileStrategy(String name, Set<OsFamily> systems,
                              Function<HostEnvironment, Optional<Path>> location, String unresolvedReason) {
        this.name = name;
        this.systems = Set.copyOf(systems);
        this.location = location;
        this.unresolvedReason = unresolvedReason;
    }

    public static SocketFileStrategy fixed(String name, Set<OsFamily> systems, String absolutePath) {
        return new SocketFileStrategy(name, systems, h -> Optional.of(h.hostPath(absolutePath)), "");
    }

    public static SocketFileStrategy inHome(String name, Set<OsFamily> systems, String relative) {
        return new SocketFileStrategy(name, systems, h -> Optional.of(h.home().resolve(relative)), "");
    }

    public static SocketFileStrategy inRuntimeDir(String name, String relative) {
        return inVariableDir(name, Set.of(OsFamily.LINUX), "XDG_RUNTIME_DIR", relative);
    }

    /** A socket under the folder an environment variable names ({@code $XDG_RUNTIME_DIR}, macOS's {@code $TMPDIR}). */
    public static SocketFileStrategy inVariableDir(String name, Set<OsFamily> systems, String variable, String relative) {
        return new SocketFileStrategy(name, systems,
                h -> h.variable(variable).map(dir -> Path.of(dir).isAbsolute()
                        ? h.hostPath(dir).resolve(relative) : h.fsRoot().resolve(dir).resolve(relative)),
                variable + " is not set");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Probe locate(HostEnvironment host) {
        if (!systems.contains(host.os())) return skipped("not used on " + host.os());
        Optional<Path> socket = location.apply(host);
        if (socket.isEmpty()) return skipped(unresolvedReason);
        if (!Files.exists(socket.get())) return skipped("no socket at " + host.clientPath(socket.get()));
        return found(DockerEndpoint.unixSocket(host.clientPath(socket.get())));
    }
}
