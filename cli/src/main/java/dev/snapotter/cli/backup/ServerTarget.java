package dev.snapotter.cli.backup;

import dev.snapotter.cli.ExitCodes;
import dev.snapotter.cli.support.UserException;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.control.backup.HelperVolumeTool;
import dev.snapotter.control.backup.NamedContainerServer;
import dev.snapotter.control.backup.VolumeToolContainer;
import dev.snapotter.control.docker.DockerClients;
import dev.snapotter.control.docker.DockerPinger;
import dev.snapotter.control.endpoint.DockerEndpointFinder;
import dev.snapotter.control.endpoint.DockerUnavailableException;
import dev.snapotter.control.endpoint.EndpointStrategies;
import dev.snapotter.control.endpoint.HostEnvironment;
import dev.snapotter.control.lifecycle.HealthWaiter;
import com.github.dockerjava.api.DockerClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which SnapOtter a backup command talks to: a server by URL with an API key (the API route), or the managed
 * container on the local Docker engine by name (the control route, with a helper container when the server is
 * down). The API key comes from a file, never from an argument.
 */
public final class ServerTarget {

    static final String KEY_ENV = "SNAPOTTER_API_KEY_FILE";

    @Option(names = "--server", paramLabel = "URL", description = "A SnapOtter server, e.g. https://images.example.org (needs --api-key-file).")
    URI server;

    @Option(names = "--container", paramLabel = "NAME", defaultValue = "snapotter",
            description = "The managed container on the local Docker engine (default: ${DEFAULT-VALUE}).")
    String container;

    @Option(names = "--api-key-file", paramLabel = "FILE", defaultValue = "${env:" + KEY_ENV + "}",
            description = "An admin API key (si_…) in FILE (default: $" + KEY_ENV + ").")
    Path apiKeyFile;

    boolean viaUrl() {
        return server != null;
    }

    Optional<String> apiKey() {
        if (apiKeyFile == null) return Optional.empty();
        char[] key = PassphraseOptions.fromFile(apiKeyFile);
        String s = new String(key).strip();
        PassphraseOptions.wipe(key);
        if (!s.matches("[A-Za-z0-9_.-]{8,512}")) {
            throw new UserException(ExitCodes.USAGE, "the API key file " + apiKeyFile + " does not hold an API key");
        }
        return Optional.of(s);
    }

    SnapOtterApi remoteApi() {
        String key = apiKey().orElseThrow(() -> new UserException(ExitCodes.USAGE,
                "--server needs an admin API key: --api-key-file FILE (or $" + KEY_ENV + ")"));
        if (!"https".equals(server.getScheme()) && !"http".equals(server.getScheme())) {
            throw new UserException(ExitCodes.USAGE, "--server must be an http(s) URL: " + server);
        }
        return SnapOtterApi.of(server).withBearer(key);
    }

    /** The local engine, found the way the desktop finds it; exit 3 when there is none. */
    static DockerClient docker() {
        DockerEndpointFinder finder = new DockerEndpointFinder(EndpointStrategies.defaults(Optional.empty()),
                HostEnvironment.system(), new DockerPinger());
        try {
            return DockerClients.create(finder.find().endpoint());
        } catch (DockerUnavailableException e) {
            throw new UserException(ExitCodes.IO, "no Docker engine reachable: " + e.getMessage(), e);
        }
    }

    NamedContainerServer container(DockerClient docker) {
        return new NamedContainerServer(docker, container, new HealthWaiter(Duration.ofMinutes(3), Duration.ofMillis(500)));
    }

    static HelperVolumeTool helperTool(DockerClient docker, NamedContainerServer server) {
        return new HelperVolumeTool(new VolumeToolContainer(docker, server.image(), server.dataVolume(), Map.of(),
                Duration.ofHours(2)));
    }

    /** The managed container's API on its published loopback port, with the key when one was given. */
    Optional<SnapOtterApi> localApi(NamedContainerServer server) {
        Optional<String> key = apiKey();
        if (key.isEmpty()) return Optional.empty();
        return server.publishedPort(1349).map(port -> SnapOtterApi.local(port).withBearer(key.get()));
    }
}
