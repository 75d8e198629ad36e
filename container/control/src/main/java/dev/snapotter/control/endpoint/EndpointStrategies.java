package dev.snapotter.control.endpoint;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The discovery order (desktop-anchors §4.3, after Testcontainers): what the user said, then what the shell says,
 * then where engines usually put their sockets. The first candidate that answers a ping wins.
 */
public final class EndpointStrategies {

    private static final Set<OsFamily> LINUX = Set.of(OsFamily.LINUX);
    private static final Set<OsFamily> UNIX = Set.of(OsFamily.LINUX, OsFamily.MAC, OsFamily.OTHER);
    private static final Set<OsFamily> LINUX_MAC = Set.of(OsFamily.LINUX, OsFamily.MAC);
    private static final Set<OsFamily> MAC = Set.of(OsFamily.MAC);
    /** Where {@code podman machine} keeps its state on macOS; its API forwarding socket is under it (Podman 4). */
    private static final String PODMAN_MACHINE_DIR = ".local/share/containers/podman/machine/";

    private EndpointStrategies() {
    }

    public static List<EndpointStrategy> defaults(Optional<String> explicitHost) {
        return defaults(explicitHost, Optional.empty());
    }

    /** The same order with the endpoint that answered last launch tried right after the explicit setting. */
    public static List<EndpointStrategy> defaults(Optional<String> explicitHost, Optional<DockerEndpoint> remembered) {
        return List.of(
                new ExplicitSettingStrategy(explicitHost),
                new RememberedEndpointStrategy(remembered),
                new DockerHostVariableStrategy(),
                new DockerContextStrategy(),
                SocketFileStrategy.fixed("/var/run/docker.sock", UNIX, "/var/run/docker.sock"),
                SocketFileStrategy.inRuntimeDir("rootless Docker", "docker.sock"),
                SocketFileStrategy.inHome("Docker Desktop (Linux)", LINUX, ".docker/desktop/docker.sock"),
                SocketFileStrategy.inHome("Docker Desktop (macOS)", LINUX_MAC, ".docker/run/docker.sock"),
                SocketFileStrategy.inHome("Colima", LINUX_MAC, ".colima/default/docker.sock"),
                SocketFileStrategy.inHome("Rancher Desktop", LINUX_MAC, ".rd/docker.sock"),
                SocketFileStrategy.inRuntimeDir("Podman (rootless)", "podman/podman.sock"),
                SocketFileStrategy.fixed("Podman (rootful)", LINUX, "/run/podman/podman.sock"),
                // podman machine on macOS forwards the VM's API to a host socket; which path depends on the version:
                // Podman 5 (applehv/libkrun) $TMPDIR/podman/<machine>-api.sock, Podman 4 under the machine folder
                // (per machine, or per provider for QEMU). Only the default machine's name is well known.
                // With podman-mac-helper installed it is also /var/run/docker.sock (tried above).
                SocketFileStrategy.inVariableDir("Podman machine (macOS, Podman 5)", MAC, "TMPDIR",
                        "podman/podman-machine-default-api.sock"),
                SocketFileStrategy.inHome("Podman machine (macOS)", MAC, PODMAN_MACHINE_DIR + "podman.sock"),
                SocketFileStrategy.inHome("Podman machine (macOS, default machine)", MAC,
                        PODMAN_MACHINE_DIR + "podman-machine-default/podman.sock"),
                SocketFileStrategy.inHome("Podman machine (macOS, QEMU)", MAC, PODMAN_MACHINE_DIR + "qemu/podman.sock"),
                new NamedPipeStrategy());
    }
}
