package dev.snapotter.control.endpoint;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code DOCKER_HOST} with {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}, read the way the docker CLI
 * reads them (TLS verify is on for any non-empty value except "0"/"false"; certs default to ~/.docker).
 */
public final class DockerHostVariableStrategy implements EndpointStrategy {

    @Override
    public String name() {
        return "DOCKER_HOST";
    }

    @Override
    public Probe locate(HostEnvironment host) {
        Optional<String> value = host.variable("DOCKER_HOST");
        if (value.isEmpty()) return skipped("DOCKER_HOST is not set");
        boolean tls = host.variable("DOCKER_TLS_VERIFY")
                .map(v -> !v.equals("0") && !v.equalsIgnoreCase("false"))
                .orElse(false);
        Optional<Path> certs = tls
                ? Optional.of(host.variable("DOCKER_CERT_PATH").map(Path::of).orElse(host.home().resolve(".docker")))
                : Optional.empty();
        try {
            DockerEndpoint endpoint = DockerEndpoint.of(value.get());
            return found(new DockerEndpoint(endpoint.host(), tls, certs));
        } catch (IllegalArgumentException e) {
            return skipped("DOCKER_HOST='" + value.get() + "' is not a valid URI: " + e.getMessage());
        }
    }
}
