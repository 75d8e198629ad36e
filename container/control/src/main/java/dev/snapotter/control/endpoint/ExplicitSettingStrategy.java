package dev.snapotter.control.endpoint;

import java.util.Optional;

/** The endpoint the user typed into the settings; wins over everything else when present. */
public record ExplicitSettingStrategy(Optional<String> configuredHost) implements EndpointStrategy {

    @Override
    public String name() {
        return "explicit setting";
    }

    @Override
    public Probe locate(HostEnvironment host) {
        if (configuredHost.isEmpty() || configuredHost.get().isBlank()) {
            return skipped("no Docker host set in the settings");
        }
        try {
            return found(DockerEndpoint.of(configuredHost.get().trim()));
        } catch (IllegalArgumentException e) {
            return skipped("the configured Docker host '" + configuredHost.get() + "' is not a URI: " + e.getMessage());
        }
    }
}
