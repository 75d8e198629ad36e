package dev.snapotter.desktop.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The local server's settings (Server window → Settings) and the Docker endpoint that answered last time.
 * Kept in {@code server-settings.json} next to {@code settings.json}; unknown keys are ignored.
 *
 * @param memoryGib          container memory limit (no swap)
 * @param cpus               requested CPUs; the spec clamps them to the engine's count
 * @param rememberedDocker   the endpoint that answered last launch (tried first next time), empty when none
 * @param rememberedTls      whether that endpoint used TLS
 * @param rememberedCertPath its TLS material folder, empty for the default
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerSettings(int port, double memoryGib, double cpus, boolean authEnabled, String dataVolume,
                             String rememberedDocker, boolean rememberedTls, String rememberedCertPath) {

    public static final int DEFAULT_PORT = 1349;
    public static final double DEFAULT_MEMORY_GIB = 6;
    public static final double DEFAULT_CPUS = 4;
    public static final String DEFAULT_VOLUME = "snapotter-data";

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_PORT, DEFAULT_MEMORY_GIB, DEFAULT_CPUS, true, DEFAULT_VOLUME, "", false, "");
    }

    public ServerSettings {
        port = port <= 0 ? DEFAULT_PORT : port;
        memoryGib = memoryGib <= 0 ? DEFAULT_MEMORY_GIB : memoryGib;
        cpus = cpus <= 0 ? DEFAULT_CPUS : cpus;
        dataVolume = dataVolume == null || dataVolume.isBlank() ? DEFAULT_VOLUME : dataVolume;
        rememberedDocker = rememberedDocker == null ? "" : rememberedDocker;
        rememberedCertPath = rememberedCertPath == null ? "" : rememberedCertPath;
    }

    /** The container part changed; the remembered endpoint is kept. */
    public ServerSettings withContainer(int newPort, double newMemoryGib, double newCpus, boolean newAuth, String newVolume) {
        return new ServerSettings(newPort, newMemoryGib, newCpus, newAuth, newVolume, rememberedDocker, rememberedTls,
                rememberedCertPath);
    }

    /** The endpoint that answered; empty host forgets it. */
    public ServerSettings withRememberedDocker(String host, boolean tls, String certPath) {
        return new ServerSettings(port, memoryGib, cpus, authEnabled, dataVolume, host, tls, certPath);
    }
}
