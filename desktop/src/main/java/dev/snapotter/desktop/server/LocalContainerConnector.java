package dev.snapotter.desktop.server;

import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.desktop.backend.BackendUnavailableException;
import dev.snapotter.desktop.backend.ServerConnector;

import java.io.IOException;
import java.util.Optional;

/**
 * The managed container as a processing backend: usable only when it exists and is healthy, reached on
 * 127.0.0.1 at the port it publishes, with the desktop's own API key from the first-start walk-through.
 */
public final class LocalContainerConnector implements ServerConnector {

    private final ServerControl control;
    private final ApiKeyStore keys;
    private volatile int lastPort;

    public LocalContainerConnector(ServerControl control, ApiKeyStore keys) {
        this.control = control;
        this.keys = keys;
        this.lastPort = control.port();
    }

    @Override
    public SnapOtterApi connect() {
        Optional<ServerStatus> status;
        try {
            status = control.status();
        } catch (RuntimeException e) {
            throw new BackendUnavailableException("Local container: Docker is not reachable (" + e.getMessage()
                    + "). Open View → Server… to set it up.");
        }
        if (status.isEmpty()) {
            throw new BackendUnavailableException("Local container: not created yet. Open View → Server… and press Start.");
        }
        if (!status.get().health().healthy()) {
            throw new BackendUnavailableException("Local container: " + ServerViewModel.label(status.get().health())
                    + ". It can be used once it is healthy (View → Server…).");
        }
        lastPort = status.get().port();
        SnapOtterApi api = SnapOtterApi.local(lastPort);
        if (!api.authEnabled()) return api;
        Optional<String> key;
        try {
            key = keys.load();
        } catch (IOException e) {
            throw new BackendUnavailableException("Local container: cannot read the desktop's API key (" + e.getMessage() + ").");
        }
        return api.withBearer(key.orElseThrow(() -> new BackendUnavailableException("Local container: finish the"
                + " first-start steps in View → Server… (set the admin password; the desktop then gets its own key).")));
    }

    @Override
    public String describe() {
        return "the local container on 127.0.0.1:" + lastPort;
    }
}
