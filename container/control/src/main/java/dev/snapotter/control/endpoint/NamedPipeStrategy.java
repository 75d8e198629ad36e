package dev.snapotter.control.endpoint;

/** Docker Desktop / Docker Engine on Windows: the {@code docker_engine} named pipe. */
public final class NamedPipeStrategy implements EndpointStrategy {

    public static final String PIPE = "npipe:////./pipe/docker_engine";

    @Override
    public String name() {
        return "Windows named pipe";
    }

    @Override
    public Probe locate(HostEnvironment host) {
        if (host.os() != OsFamily.WINDOWS) return skipped("not used on " + host.os());
        // Whether the pipe exists is only knowable by connecting; the ping tells.
        return found(DockerEndpoint.of(PIPE));
    }
}
