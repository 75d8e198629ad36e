package dev.snapotter.desktop.server;

import dev.snapotter.control.endpoint.DockerEndpoint;
import dev.snapotter.control.spec.ContainerSpec;
import dev.snapotter.desktop.settings.ServerSettings;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The user's server settings fed into the ONE spec builder ({@link ContainerSpec#hardened}); nothing else varies. */
final class ServerSpecs {

    private ServerSpecs() {
    }

    static ContainerSpec from(ServerSettings s, String image) {
        return ContainerSpec.hardened(image)
                .hostPort(s.port())
                .memoryBytes(Math.round(s.memoryGib() * ContainerSpec.GIB))
                .cpus(s.cpus())
                .authEnabled(s.authEnabled())
                .dataVolume(s.dataVolume())
                .build();
    }

    static Optional<DockerEndpoint> remembered(ServerSettings s) {
        if (s.rememberedDocker().isBlank()) return Optional.empty();
        try {
            return Optional.of(new DockerEndpoint(URI.create(s.rememberedDocker()), s.rememberedTls(),
                    s.rememberedCertPath().isBlank() ? Optional.empty() : Optional.of(Path.of(s.rememberedCertPath()))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static ServerSettings remember(ServerSettings s, Optional<DockerEndpoint> endpoint) {
        return endpoint.map(e -> s.withRememberedDocker(e.host().toString(), e.tlsVerify(),
                        e.certPath().map(Path::toString).orElse("")))
                .orElseGet(() -> s.withRememberedDocker("", false, ""));
    }
}
