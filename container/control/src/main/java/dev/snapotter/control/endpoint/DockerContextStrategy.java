package dev.snapotter.control.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The docker CLI's current context: {@code DOCKER_CONTEXT}, else {@code currentContext} in
 * {@code $DOCKER_CONFIG/config.json} (default {@code ~/.docker}); its endpoint lives in
 * {@code contexts/meta/<sha256(name)>/meta.json} and its TLS files in {@code contexts/tls/<sha256(name)>/docker}.
 * This is how Docker Desktop, Colima and Rancher Desktop point the CLI at their sockets.
 */
public final class DockerContextStrategy implements EndpointStrategy {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "docker context";
    }

    @Override
    public Probe locate(HostEnvironment host) {
        Path configDir = host.variable("DOCKER_CONFIG").map(Path::of).orElse(host.home().resolve(".docker"));
        Optional<String> context = host.variable("DOCKER_CONTEXT");
        if (context.isEmpty()) {
            Path config = configDir.resolve("config.json");
            if (!Files.isRegularFile(config)) return skipped("no " + config + " and DOCKER_CONTEXT is not set");
            try {
                JsonNode current = JSON.readTree(config.toFile()).path("currentContext");
                context = current.isTextual() && !current.asText().isBlank()
                        ? Optional.of(current.asText()) : Optional.empty();
            } catch (IOException e) {
                return skipped("cannot read " + config + ": " + e.getMessage());
            }
        }
        if (context.isEmpty()) return skipped("no current context in " + configDir.resolve("config.json"));
        if (context.get().equals("default")) {
            return skipped("current context is 'default' (covered by DOCKER_HOST and the default sockets)");
        }
        return fromMeta(configDir, context.get());
    }

    private Probe fromMeta(Path configDir, String context) {
        String digest = sha256(context);
        Path meta = configDir.resolve("contexts").resolve("meta").resolve(digest).resolve("meta.json");
        if (!Files.isRegularFile(meta)) return skipped("context '" + context + "' has no " + meta);
        try {
            JsonNode docker = JSON.readTree(meta.toFile()).path("Endpoints").path("docker");
            String host = docker.path("Host").asText("");
            if (host.isBlank()) return skipped("context '" + context + "' has no docker Host in " + meta);
            Path tlsDir = configDir.resolve("contexts").resolve("tls").resolve(digest).resolve("docker");
            boolean tls = host.startsWith("tcp://") && Files.isRegularFile(tlsDir.resolve("ca.pem"))
                    && !docker.path("SkipTLSVerify").asBoolean(false);
            DockerEndpoint endpoint = DockerEndpoint.of(host);
            return found(new DockerEndpoint(endpoint.host(), tls, tls ? Optional.of(tlsDir) : Optional.empty()));
        } catch (IOException | IllegalArgumentException e) {
            return skipped("cannot read context '" + context + "' from " + meta + ": " + e.getMessage());
        }
    }

    static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
