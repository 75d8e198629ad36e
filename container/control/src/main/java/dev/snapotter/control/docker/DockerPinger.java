package dev.snapotter.control.docker;

import com.github.dockerjava.api.DockerClient;
import dev.snapotter.control.endpoint.DockerEndpoint;
import dev.snapotter.control.endpoint.EndpointPinger;
import dev.snapotter.control.endpoint.PingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Pings a candidate with a real docker-java client ({@code GET /_ping}, then {@code /version} for the API version)
 * and classifies failures so the desktop can explain them (permission vs not running vs other).
 */
public final class DockerPinger implements EndpointPinger {

    private final Duration timeout;

    public DockerPinger(Duration timeout) {
        this.timeout = timeout;
    }

    public DockerPinger() {
        this(Duration.ofSeconds(10));
    }

    @Override
    public PingResult ping(DockerEndpoint endpoint) {
        if (endpoint.socketPath().isPresent()) {
            Path socket = Path.of(endpoint.socketPath().get());
            if (!Files.exists(socket)) {
                return new PingResult.Unreachable(PingResult.Failure.NOT_RUNNING, "no socket at " + socket);
            }
            if (!Files.isReadable(socket) || !Files.isWritable(socket)) {
                return new PingResult.Unreachable(PingResult.Failure.NO_PERMISSION,
                        "no permission to use " + socket + " (is this user in the docker group?)");
            }
        }
        try (DockerClient client = DockerClients.forPing(endpoint, timeout)) {
            client.pingCmd().exec();
            String api = client.versionCmd().exec().getApiVersion();
            return new PingResult.Reachable(api == null ? "unknown" : api);
        } catch (IOException | RuntimeException e) {
            return classify(e);
        }
    }

    static PingResult.Unreachable classify(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" / ");
        }
        String text = all.toString().toLowerCase(Locale.ROOT);
        String reason = rootMessage(error);
        if (text.contains("permission denied") || text.contains("eacces") || text.contains("access is denied")) {
            return new PingResult.Unreachable(PingResult.Failure.NO_PERMISSION, "permission denied: " + reason);
        }
        if (text.contains("connection refused") || text.contains("no such file") || text.contains("econnrefused")
                || text.contains("enoent") || text.contains("cannot find the file")) {
            return new PingResult.Unreachable(PingResult.Failure.NOT_RUNNING, "nothing answers: " + reason);
        }
        return new PingResult.Unreachable(PingResult.Failure.ERROR, reason);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
