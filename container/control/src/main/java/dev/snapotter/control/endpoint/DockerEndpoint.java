package dev.snapotter.control.endpoint;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a Docker engine listens: {@code unix://...}, {@code npipe://...} or {@code tcp://...}, plus the TLS
 * material a tcp endpoint may need.
 *
 * @param host      the engine URI as docker-java expects it
 * @param tlsVerify whether TLS (with client certificates from {@code certPath}) is used
 * @param certPath  directory holding ca.pem, cert.pem and key.pem when {@code tlsVerify}
 */
public record DockerEndpoint(URI host, boolean tlsVerify, Optional<Path> certPath) {

    public DockerEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(certPath, "certPath");
        if (host.getScheme() == null) {
            throw new IllegalArgumentException("Docker host has no scheme (unix://, npipe://, tcp://): " + host);
        }
    }

    public static DockerEndpoint of(String host) {
        return new DockerEndpoint(URI.create(host), false, Optional.empty());
    }

    public static DockerEndpoint unixSocket(String absolutePath) {
        return of("unix://" + absolutePath);
    }

    public boolean isUnixSocket() {
        return "unix".equals(host.getScheme());
    }

    /** The socket file of a unix endpoint. */
    public Optional<String> socketPath() {
        return isUnixSocket() ? Optional.of(host.getPath()) : Optional.empty();
    }

    @Override
    public String toString() {
        return host + (tlsVerify ? " (TLS, certs " + certPath.map(Path::toString).orElse("default") + ")" : "");
    }
}
